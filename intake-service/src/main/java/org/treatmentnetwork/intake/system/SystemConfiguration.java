package org.treatmentnetwork.intake.system;

import java.time.Clock;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.treatmentnetwork.servicedefaults.health.MongoPingHealthIndicator;
import org.treatmentnetwork.servicedefaults.tracing.MongoTracing;
import org.treatmentnetwork.servicedefaults.mongo.MongoTimeouts;

/**
 * The clock every feature reads the time from, the MongoDB client's timeouts and its
 * health.
 */
@Configuration(proxyBeanMethods = false)
@Import(MongoTracing.class)
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer mongoTimeouts(MongoTimeoutProperties timeouts) {
		return new MongoTimeouts(timeouts.connectTimeout(), timeouts.readTimeout(), timeouts.serverSelectionTimeout())
			.customizer();
	}

	/**
	 * MongoDB health by {@code ping}, as the {@code mongo} component that the readiness
	 * group includes; Boot's indicator is disabled in {@code application.yml}.
	 * @param mongo the store
	 * @return the indicator
	 */
	@Bean
	MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

}
