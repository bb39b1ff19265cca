package org.treatmentnetwork.servicedefaults.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracing every service imports: {@link SpanDataFilter}, which keeps secrets and
 * query strings out of exported spans, and {@link TraceContexts} for work handed over
 * through a store. The tracer, propagator and observation registry are Spring Boot's
 * (Micrometer Tracing over OpenTelemetry); where tracing is not configured (tracing
 * switched off, a test slice), the work runs untraced.
 */
@Configuration(proxyBeanMethods = false)
public class TracingDefaults {

	/**
	 * Applied by Spring Boot to every observation of the service.
	 * @return the filter
	 */
	@Bean
	SpanDataFilter spanDataFilter() {
		return new SpanDataFilter();
	}

	@Bean
	TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
			ObjectProvider<ObservationRegistry> observations) {
		return new TraceContexts(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

}
