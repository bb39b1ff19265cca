package org.treatmentnetwork.servicedefaults.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@link TraceContexts} available to a service that hands work over through its
 * store. The tracer and propagator are Spring Boot's (Micrometer Tracing over
 * OpenTelemetry).
 */
@Configuration(proxyBeanMethods = false)
public class TracingDefaults {

	@Bean
	TraceContexts traceContexts(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
		return new TraceContexts(tracer, propagator, observations);
	}

}
