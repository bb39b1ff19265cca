package org.treatmentnetwork.servicedefaults.tracing;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;

/**
 * Observes every MongoDB command of a service with a store: a span per command in the
 * trace of the request or page that issued it, read from the Reactor context by the
 * driver's context provider. Commands of background rounds outside any trace are not
 * exported ({@code TracingDefaults#noLoneStoreCommands}). A service imports it into its
 * MongoDB configuration; {@code management.observations.enable.spring.data.mongodb=false}
 * turns the spans off without a rebuild.
 */
@Configuration(proxyBeanMethods = false)
public class MongoTracing {

	@Bean
	MongoClientSettingsBuilderCustomizer mongoCommandObservations(ObservationRegistry observations) {
		return (settings) -> settings.contextProvider(ContextProviderFactory.create(observations))
			.addCommandListener(new MongoObservationCommandListener(observations));
	}

}
