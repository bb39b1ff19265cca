package org.treatmentnetwork.content.approaches;

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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.mongo.MongoProperties;
import org.treatmentnetwork.content.seed.SeedFileReader;
import org.treatmentnetwork.content.seed.SeedReport;
import org.treatmentnetwork.content.seed.Seeder;

/**
 * Creates the treatment-approach index and inserts the packaged approaches that are
 * missing, keyed by key and locale; existing ones are never overwritten.
 */
@Component
class TreatmentApproachSeeder implements Seeder {

	static final String LOCATION = "classpath:seed/treatment-approaches/*.json";

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	private final List<TreatmentApproachSeed> seeds;

	TreatmentApproachSeeder(SeedFileReader reader, ReactiveMongoTemplate mongo, MongoProperties mongoProperties) {
		this.mongo = mongo;
		this.timeout = mongoProperties.operationTimeout();
		this.seeds = reader.read(LOCATION, TreatmentApproachSeed.class);
		Set<String> identities = new HashSet<>();
		for (TreatmentApproachSeed seed : this.seeds) {
			if (!identities.add(seed.identity())) {
				throw new IllegalStateException(
						"Two seed treatment approaches share key and locale " + seed.identity());
			}
		}
	}

	@Override
	public Mono<SeedReport> seed() {
		return ensureIndexes().then(existingIdentities())
			.flatMap((existing) -> Flux.fromIterable(this.seeds)
				.filter((seed) -> !existing.contains(seed.identity()))
				.concatMap(this::insert)
				.filter(Boolean::booleanValue)
				.count()
				.map((inserted) -> new SeedReport(TreatmentApproachDocument.COLLECTION, inserted.intValue(),
						this.seeds.size() - inserted.intValue())));
	}

	private Mono<Void> ensureIndexes() {
		return this.mongo.indexOps(TreatmentApproachDocument.class)
			.createIndex(new Index().on("key", Sort.Direction.ASC)
				.on("locale", Sort.Direction.ASC)
				.unique()
				.named("key_locale_unique"))
			.timeout(this.timeout)
			.then();
	}

	private Mono<Set<String>> existingIdentities() {
		Query query = new Query();
		query.fields().include("key", "locale");
		return this.mongo.find(query, Document.class, TreatmentApproachDocument.COLLECTION)
			.map((document) -> document.getString("key") + "/" + document.getString("locale"))
			.collect(HashSet<String>::new, Set::add)
			.map(Set::copyOf)
			.timeout(this.timeout);
	}

	/**
	 * Insert one seed approach; {@code false} when another instance inserted it first.
	 */
	private Mono<Boolean> insert(TreatmentApproachSeed seed) {
		return this.mongo.insert(seed.toDocument())
			.timeout(this.timeout)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

}
