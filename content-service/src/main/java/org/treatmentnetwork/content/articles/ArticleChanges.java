package org.treatmentnetwork.content.articles;

import java.time.Duration;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.mongo.MongoProperties;

/**
 * The articles' change counter: one document in {@code content_changes} whose
 * {@code version} every write to the articles increments atomically. Every instance of
 * the service polls it and rebuilds its in-memory snapshot and search index when it
 * moves, so all instances converge within one poll interval.
 */
@Component
class ArticleChanges {

	static final String COLLECTION = "content_changes";

	private static final String ID = "articles";

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	ArticleChanges(ReactiveMongoTemplate mongo, MongoProperties properties) {
		this.mongo = mongo;
		this.timeout = properties.operationTimeout();
	}

	/**
	 * The current version.
	 * @return the version, {@code 0} before the first change
	 */
	Mono<Long> current() {
		return this.mongo.findOne(new Query(Criteria.where("_id").is(ID)), Document.class, COLLECTION)
			.map(ArticleChanges::version)
			.defaultIfEmpty(0L)
			.timeout(this.timeout);
	}

	/**
	 * Record a change.
	 * @return the new version
	 */
	Mono<Long> bump() {
		return this.mongo
			.findAndModify(new Query(Criteria.where("_id").is(ID)), new Update().inc("version", 1L),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
			.map(ArticleChanges::version)
			.timeout(this.timeout);
	}

	private static long version(Document document) {
		Object version = document.get("version");
		return (version instanceof Number number) ? number.longValue() : 0L;
	}

}
