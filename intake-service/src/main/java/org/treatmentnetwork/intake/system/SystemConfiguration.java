package org.treatmentnetwork.intake.system;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.treatmentnetwork.servicedefaults.health.MongoPingHealthIndicator;
import org.treatmentnetwork.servicedefaults.tracing.MongoTracing;

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
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster
				.serverSelectionTimeout(timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
						.readTimeout(timeouts.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
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
