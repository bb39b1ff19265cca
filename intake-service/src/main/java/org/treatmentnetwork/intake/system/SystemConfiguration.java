package org.treatmentnetwork.intake.system;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every feature reads the time from, and the MongoDB client's timeouts.
 */
@Configuration(proxyBeanMethods = false)
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

}
