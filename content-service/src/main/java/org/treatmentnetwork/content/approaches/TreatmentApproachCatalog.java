package org.treatmentnetwork.content.approaches;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.mongo.MongoProperties;

/**
 * Reads the treatment approaches of a locale in their display order.
 */
@Component
class TreatmentApproachCatalog {

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	TreatmentApproachCatalog(ReactiveMongoTemplate mongo, MongoProperties mongoProperties) {
		this.mongo = mongo;
		this.timeout = mongoProperties.operationTimeout();
	}

	Mono<List<TreatmentApproach>> list(String locale) {
		Query query = new Query(Criteria.where("locale").is(locale))
			.with(Sort.by(Sort.Order.asc("position"), Sort.Order.asc("key")));
		return this.mongo.find(query, TreatmentApproachDocument.class)
			.map(TreatmentApproach::from)
			.collectList()
			.timeout(this.timeout);
	}

}
