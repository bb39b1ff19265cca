package org.treatmentnetwork.content.centers;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.mongo.MongoProperties;
import org.treatmentnetwork.content.seed.SeedFileReader;
import org.treatmentnetwork.content.seed.SeedReport;
import org.treatmentnetwork.content.seed.Seeder;

/**
 * Creates the center indexes and inserts the packaged demo centers that are missing,
 * keyed by id; existing centers are never overwritten. A seeded center stored before
 * {@code opioidTreatmentProgram} existed gets that field (and {@code methadoneAccess})
 * filled in from its seed file; nothing already stored is changed.
 */
@Component
class CenterSeeder implements Seeder {

	static final String LOCATION = "classpath:seed/centers/*.json";

	private static final String OPIOID_TREATMENT_PROGRAM = "opioidTreatmentProgram";

	private static final String METHADONE_ACCESS = "methadoneAccess";

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	private final List<CenterSeed> seeds;

	CenterSeeder(SeedFileReader reader, ReactiveMongoTemplate mongo, MongoProperties mongoProperties) {
		this.mongo = mongo;
		this.timeout = mongoProperties.operationTimeout();
		this.seeds = reader.read(LOCATION, CenterSeed.class);
		Set<String> ids = new HashSet<>();
		for (CenterSeed seed : this.seeds) {
			if (!ids.add(seed.id())) {
				throw new IllegalStateException("Two seed centers share the id " + seed.id());
			}
		}
	}

	@Override
	public Mono<SeedReport> seed() {
		return ensureIndexes().then(existingIds())
			.flatMap((existing) -> Flux.fromIterable(this.seeds)
				.filter((seed) -> existing.contains(seed.id()))
				.concatMap(this::fillInTreatmentProgram)
				.then(Flux.fromIterable(this.seeds)
					.filter((seed) -> !existing.contains(seed.id()))
					.concatMap(this::insert)
					.filter(Boolean::booleanValue)
					.count())
				.map((inserted) -> new SeedReport(CenterDocument.COLLECTION, inserted.intValue(),
						this.seeds.size() - inserted.intValue())));
	}

	private Mono<Void> fillInTreatmentProgram(CenterSeed seed) {
		Query stored = Query.query(Criteria.where("_id").is(seed.id()).and(OPIOID_TREATMENT_PROGRAM).exists(false));
		Update update = new Update().set(OPIOID_TREATMENT_PROGRAM, seed.opioidTreatmentProgram());
		if (seed.methadoneAccess() != null) {
			update = update.set(METHADONE_ACCESS, seed.methadoneAccess().name());
		}
		return this.mongo.updateFirst(stored, update, CenterDocument.COLLECTION).timeout(this.timeout).then();
	}

	private Mono<Void> ensureIndexes() {
		ReactiveIndexOperations indexes = this.mongo.indexOps(CenterDocument.class);
		return Flux
			.concat(indexes.createIndex(new Index().on("location.lat", Sort.Direction.ASC)
				.on("location.lng", Sort.Direction.ASC)
				.named("location_lat_lng")),
					indexes.createIndex(new Index().on("services", Sort.Direction.ASC).named("services")))
			.timeout(this.timeout)
			.then();
	}

	private Mono<Set<String>> existingIds() {
		Query query = new Query();
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, CenterDocument.COLLECTION)
			.map((document) -> String.valueOf(document.get("_id")))
			.collect(HashSet<String>::new, Set::add)
			.map(Set::copyOf)
			.timeout(this.timeout);
	}

	private Mono<Boolean> insert(CenterSeed seed) {
		return this.mongo.insert(seed.toDocument())
			.timeout(this.timeout)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

}
