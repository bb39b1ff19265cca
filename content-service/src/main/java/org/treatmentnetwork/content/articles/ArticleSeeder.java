package org.treatmentnetwork.content.articles;

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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.mongo.MongoProperties;
import org.treatmentnetwork.content.seed.SeedFileReader;
import org.treatmentnetwork.content.seed.SeedReport;
import org.treatmentnetwork.content.seed.Seeder;

/**
 * Creates the article indexes and inserts the packaged articles that are missing, keyed
 * by slug and locale. Articles already in the database are never overwritten: once
 * seeded, an article belongs to the editors. Seeding ends by loading the in-memory
 * snapshot of published articles, so an instance is ready only once it can serve them.
 */
@Component
class ArticleSeeder implements Seeder {

	static final String LOCATION = "classpath:seed/articles/*.json";

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	private final List<ArticleSeed> seeds;

	private final ArticleChanges changes;

	private final PublishedArticles published;

	ArticleSeeder(SeedFileReader reader, ReactiveMongoTemplate mongo, MongoProperties mongoProperties,
			ArticleChanges changes, PublishedArticles published) {
		this.mongo = mongo;
		this.changes = changes;
		this.published = published;
		this.timeout = mongoProperties.operationTimeout();
		this.seeds = reader.read(LOCATION, ArticleSeed.class);
		Set<String> keys = new HashSet<>();
		for (ArticleSeed seed : this.seeds) {
			if (!keys.add(seed.key())) {
				throw new IllegalStateException("Two seed articles share slug and locale " + seed.key());
			}
		}
	}

	@Override
	public Mono<SeedReport> seed() {
		return ensureIndexes().then(existingKeys())
			.flatMap((existing) -> Flux.fromIterable(this.seeds)
				.filter((seed) -> !existing.contains(seed.key()))
				.concatMap(this::insert)
				.filter(Boolean::booleanValue)
				.count()
				.flatMap((inserted) -> ((inserted > 0) ? this.changes.bump().then() : Mono.<Void>empty())
					.then(this.published.refresh())
					.thenReturn(new SeedReport(ArticleDocument.COLLECTION, inserted.intValue(),
							this.seeds.size() - inserted.intValue()))));
	}

	private Mono<Void> ensureIndexes() {
		ReactiveIndexOperations indexes = this.mongo.indexOps(ArticleDocument.class);
		return Flux.concat(
				indexes.createIndex(new Index().on("slug", Sort.Direction.ASC)
					.on("locale", Sort.Direction.ASC)
					.unique()
					.named("slug_locale_unique")),
				indexes.createIndex(new Index().on("status", Sort.Direction.ASC)
					.on("locale", Sort.Direction.ASC)
					.on("updatedAt", Sort.Direction.DESC)
					.named("status_locale_updated")),
				indexes.createIndex(new Index().on("topics", Sort.Direction.ASC).named("topics")),
				this.mongo.indexOps(ArticleVersionDocument.class)
					.createIndex(new Index().on("articleId", Sort.Direction.ASC)
						.on("revision", Sort.Direction.DESC)
						.named("article_revision")))
			.timeout(this.timeout)
			.then();
	}

	private Mono<Set<String>> existingKeys() {
		Query query = new Query();
		query.fields().include("slug", "locale");
		return this.mongo.find(query, Document.class, ArticleDocument.COLLECTION)
			.map((document) -> document.getString("slug") + "/" + document.getString("locale"))
			.collect(HashSet<String>::new, Set::add)
			.map(Set::copyOf)
			.timeout(this.timeout);
	}

	/**
	 * Insert one seed article; {@code false} when another instance inserted it first.
	 */
	private Mono<Boolean> insert(ArticleSeed seed) {
		return this.mongo.insert(seed.toDocument())
			.timeout(this.timeout)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

}
