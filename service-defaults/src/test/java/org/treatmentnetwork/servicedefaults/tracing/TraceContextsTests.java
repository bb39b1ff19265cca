package org.treatmentnetwork.servicedefaults.tracing;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TraceContexts} on the real OpenTelemetry SDK, wired as Spring Boot wires it.
 */
class TraceContextsTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String STORED = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	private final TraceContexts contexts = traceContexts();

	/** As {@code spring.reactor.context-propagation=auto} does in the services. */
	@BeforeAll
	static void propagateContext() {
		Hooks.enableAutomaticContextPropagation();
	}

	@Test
	void workContinuesTheStoredTraceInASpanOfItsOwn() {
		String inside = this.contexts.continued("test.work", STORED, this.contexts::current);
		assertThat(inside).startsWith("00-" + TRACE_ID + "-").endsWith("-01").isNotEqualTo(STORED);
		assertThat(this.contexts.continued("test.work", STORED, this.contexts::currentTraceId)).isEqualTo(TRACE_ID);
	}

	@Test
	void reactiveWorkSeesTheContinuedTraceOnAnyThread() {
		Mono<String> work = Mono.fromCallable(this.contexts::currentTraceId).subscribeOn(Schedulers.boundedElastic());
		assertThat(this.contexts.continued("test.work", STORED, work).block()).isEqualTo(TRACE_ID);
	}

	@Test
	void reactiveWorkIsGivenTheTraceOfItsChain() {
		Mono<TraceContexts.CurrentTrace> work = this.contexts.withCurrent(Mono::just)
			.subscribeOn(Schedulers.boundedElastic());
		TraceContexts.CurrentTrace trace = this.contexts.continued("test.request", STORED, work).block();
		assertThat(trace.traceId()).isEqualTo(TRACE_ID);
		assertThat(trace.traceparent()).startsWith("00-" + TRACE_ID + "-");
		assertThat(trace.logSuffix()).isEqualTo(" trace_id=" + TRACE_ID);
		assertThat(this.contexts.withCurrent(Mono::just).block().logSuffix()).isEmpty();
	}

	@Test
	void withoutAStoredContextTheWorkStartsATraceOfItsOwn() {
		String first = this.contexts.continued("test.work", null, this.contexts::currentTraceId);
		String second = this.contexts.continued("test.work", null, this.contexts::currentTraceId);
		assertThat(first).hasSize(32).isNotEqualTo(second).isNotEqualTo(TRACE_ID);
	}

	@Test
	void aMalformedStoredContextIsIgnored() {
		String traceId = this.contexts.continued("test.work", "00-" + TRACE_ID + "-zz-01",
				this.contexts::currentTraceId);
		assertThat(traceId).hasSize(32).isNotEqualTo(TRACE_ID);
	}

	@Test
	void outsideAnyTraceThereIsNoCurrentContext() {
		assertThat(this.contexts.current()).isNull();
		assertThat(this.contexts.currentTraceId()).isNull();
	}

	private static TraceContexts traceContexts() {
		OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
			.setTracerProvider(SdkTracerProvider.builder().build())
			.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = sdk.getTracer("test");
		OtelTracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), (event) -> {
		});
		OtelPropagator propagator = new OtelPropagator(sdk.getPropagators(), otelTracer);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return new TraceContexts(tracer, propagator, registry);
	}

}
