package org.treatmentnetwork.servicedefaults.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracing every service imports: what spans may carry ({@link SpanDataFilter}: no
 * query strings or link tokens; {@link SanitizingSpanExporter}: no failure messages),
 * which traces are recorded (all, at the configured probability; no lone background store
 * commands), and {@link TraceContexts} for work handed over through a store. The tracer,
 * propagator and observation registry are Spring Boot's (Micrometer Tracing over
 * OpenTelemetry); where tracing is not configured (tracing switched off, a test slice),
 * the work runs untraced.
 */
@Configuration(proxyBeanMethods = false)
public class TracingDefaults {

	/**
	 * Every span exporter of the service (the OTLP one where configured) sends spans
	 * without failure messages or stack traces.
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor sanitizingSpanExporters() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof SpanExporter exporter && !(bean instanceof SanitizingSpanExporter))
						? new SanitizingSpanExporter(exporter) : bean;
			}

		};
	}

	/**
	 * Every trace is recorded at the configured probability (1.0 unless set otherwise),
	 * whatever a caller's {@code traceparent} flags say: a client sending "not sampled"
	 * does not switch tracing off for a request for help. The decision depends only on
	 * the trace id, so every span of a trace gets the same one.
	 * @param probability {@code management.tracing.sampling.probability}
	 * @return the sampler
	 */
	@Bean
	Sampler traceIdRatioSampler(@Value("${management.tracing.sampling.probability:1.0}") double probability) {
		return Sampler.traceIdRatioBased(probability);
	}

	/**
	 * Background rounds (the relay's sweep, the dispatcher's claims, the health pings)
	 * issue MongoDB commands outside any request: each would be a trace of one span,
	 * several a second, burying the traces of requests. A command in a request's or a
	 * page's trace is kept.
	 * @return the predicate
	 */
	@Bean
	SpanExportingPredicate noLoneStoreCommands() {
		return (span) -> !(isRoot(span.getParentId()) && "mongodb".equals(span.getTags().get("db.system")));
	}

	private static boolean isRoot(String parentId) {
		return parentId == null || parentId.isEmpty() || parentId.chars().allMatch((c) -> c == '0');
	}

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
