package org.treatmentnetwork.content.approaches;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.locales.ContentLocales;
import org.treatmentnetwork.content.mongo.MongoProperties;

/**
 * Reads the treatment approaches of a locale in their display order.
 */
@Component
class TreatmentApproachCatalog {

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	private final ContentLocales locales;

	TreatmentApproachCatalog(ReactiveMongoTemplate mongo, MongoProperties mongoProperties, ContentLocales locales) {
		this.mongo = mongo;
		this.locales = locales;
		this.timeout = mongoProperties.operationTimeout();
	}

	/**
	 * The approaches in a locale, each in the default locale where its translation is
	 * missing.
	 * @param locale a supported locale
	 * @return the approaches in display order
	 */
	Mono<List<TreatmentApproach>> list(String locale) {
		Query query = new Query(Criteria.where("locale").in(locale, this.locales.defaultLocale()))
			.with(Sort.by(Sort.Order.asc("position"), Sort.Order.asc("key")));
		return this.mongo.find(query, TreatmentApproachDocument.class)
			.collectList()
			.timeout(this.timeout)
			.map((documents) -> {
				Map<String, TreatmentApproachDocument> byKey = new LinkedHashMap<>();
				for (TreatmentApproachDocument document : documents) {
					TreatmentApproachDocument chosen = byKey.get(document.key());
					if (chosen == null || document.locale().equals(locale)) {
						byKey.put(document.key(), document);
					}
				}
				return byKey.values().stream().map((document) -> TreatmentApproach.from(document, locale)).toList();
			});
	}

}
