package org.treatmentnetwork.notification.store;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.treatmentnetwork.servicedefaults.health.MongoPingHealthIndicator;
import org.treatmentnetwork.servicedefaults.tracing.MongoTracing;
import org.treatmentnetwork.servicedefaults.mongo.MongoTimeouts;

/**
 * Bounds every MongoDB call: connecting, waiting for an answer and selecting a server all
 * time out instead of hanging. And the store's health.
 */
@Configuration(proxyBeanMethods = false)
@Import(MongoTracing.class)
class StoreClientConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(StoreProperties properties) {
		return new MongoTimeouts(properties.connectTimeout(), properties.readTimeout(),
				properties.serverSelectionTimeout())
			.customizer();
	}

	/**
	 * Whether MongoDB answers a {@code ping}, as the {@code store} component that the
	 * readiness group includes; Boot's indicator is disabled in {@code application.yml}.
	 * @param mongo the store
	 * @return the indicator
	 */
	@Bean
	MongoPingHealthIndicator storeHealthIndicator(ReactiveMongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

}
