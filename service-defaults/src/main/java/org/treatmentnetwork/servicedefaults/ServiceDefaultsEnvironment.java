package org.treatmentnetwork.servicedefaults;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings every service starts with, below everything else (a service's
 * {@code application.yml}, the environment and the command line all override them):
 * <ul>
 * <li>every request is traced ({@code management.tracing.sampling.probability=1.0}),
 * whatever the caller's {@code traceparent} flags say ({@code TracingDefaults}' sampler):
 * a request for help must be followable end to end, and the volume is small;</li>
 * <li>the trace context follows reactive code across threads
 * ({@code spring.reactor.context-propagation=auto}), so log lines carry the trace id of
 * the request they belong to;</li>
 * <li>spans are exported only where
 * {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT} names a collector;
 * locally nothing is sent anywhere;</li>
 * <li>logs are plain text unless {@code LOGGING_STRUCTURED_FORMAT_CONSOLE} selects a
 * structured format ({@code ecs} in docker-compose).</li>
 * </ul>
 */
public class ServiceDefaultsEnvironment implements EnvironmentPostProcessor {

	static final String NAME = "treatment-network-service-defaults";

	static final Map<String, Object> DEFAULTS = Map.of("management.tracing.sampling.probability", "1.0",
			"spring.reactor.context-propagation", "auto");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
	}

}
