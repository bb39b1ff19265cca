package org.treatmentnetwork.content.mongo;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.treatmentnetwork.servicedefaults.tracing.MongoTracing;
import org.treatmentnetwork.servicedefaults.mongo.MongoTimeouts;

/**
 * MongoDB client settings shared by every repository of the service.
 */
@Configuration(proxyBeanMethods = false)
@Import(MongoTracing.class)
class MongoConfiguration {

	/**
	 * Bounded connect, server-selection and read timeouts, so that a database outage
	 * turns into a prompt error instead of a hanging request.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer contentMongoTimeouts(MongoProperties properties) {
		return new MongoTimeouts(properties.connectTimeout(), properties.readTimeout(),
				properties.serverSelectionTimeout())
			.customizer();
	}

	/**
	 * Store {@code java.time} values with the driver's codecs, which use UTC, so that a
	 * review date reads back the same whatever the server's time zone.
	 */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions.create((conversions) -> conversions.useNativeDriverJavaTimeCodecs());
	}

}
