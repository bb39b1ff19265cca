package org.treatmentnetwork.notification.store;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds every MongoDB call: connecting, waiting for an answer and selecting a server all
 * time out instead of hanging.
 */
@Configuration(proxyBeanMethods = false)
class StoreClientConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(StoreProperties properties) {
		return (settings) -> settings
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
						.readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToClusterSettings((cluster) -> cluster
				.serverSelectionTimeout(properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
	}

}
