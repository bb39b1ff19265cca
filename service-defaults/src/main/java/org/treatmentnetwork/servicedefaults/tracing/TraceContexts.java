package org.treatmentnetwork.servicedefaults.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;

/**
 * A request's trace across a stored hand-over. Work that a background loop does later for
 * a request (the outbox relay publishing its event, the dispatcher paging for its alert)
 * would otherwise start a trace of its own: {@link #current()} gives the W3C
 * {@code traceparent} to store with the request, and {@link #continued} runs the later
 * work in a span whose parent is the stored one, so that everything the work calls (a
 * Kafka send, an e-mail) carries the same trace id. Parsing and writing the header is
 * OpenTelemetry's propagator; nothing here reads the header itself.
 */
public class TraceContexts {

	/** The W3C trace context header. */
	public static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	private final ObservationRegistry observations;

	public TraceContexts(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
		this.tracer = tracer;
		this.propagator = propagator;
		this.observations = observations;
	}

	/**
	 * The {@code traceparent} of the current span, to store with what a later step will
	 * continue.
	 * @return the header value, or {@code null} outside any trace
	 */
	public String current() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? traceparent(span.context()) : null;
	}

	/**
	 * The trace id of the current span.
	 * @return 32 hex digits, or {@code null} outside any trace
	 */
	public String currentTraceId() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? span.context().traceId() : null;
	}

	/**
	 * Runs work in a span that continues the stored trace: a child of
	 * {@code traceparent}, or the start of a new trace when none was stored (data older
	 * than tracing, or a malformed value, which the propagator ignores).
	 * @param <T> the work's result
	 * @param name the span's name, such as {@code intake.outbox.publish}
	 * @param traceparent the stored {@code traceparent}, or {@code null}
	 * @param work what to run; anything it starts synchronously is in the span
	 * @return what the work returned
	 */
	public <T> T continued(String name, String traceparent, Supplier<T> work) {
		return observation(name, traceparent).observe(work);
	}

	/**
	 * Runs reactive work in a span that continues the stored trace, as
	 * {@link #continued(String, String, Supplier)} does; the span ends when the work
	 * completes, fails or is cancelled, and everything the work does, on whichever
	 * thread, sees it as the current span.
	 * @param <T> the work's result
	 * @param name the span's name, such as {@code notification.page}
	 * @param traceparent the stored {@code traceparent}, or {@code null}
	 * @param work what to run
	 * @return the work, traced
	 */
	public <T> Mono<T> continued(String name, String traceparent, Mono<T> work) {
		return Mono.defer(() -> {
			Observation observation = observation(name, traceparent).start();
			return work.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation))
				.doOnError(observation::error)
				.doFinally((signal) -> observation.stop());
		});
	}

	/**
	 * Runs reactive work with the trace context of the reactive chain it runs in (the
	 * HTTP request being handled), for work that stores it. The context is read from the
	 * Reactor context where the request's observation is kept, so it does not depend on
	 * which thread runs the work.
	 * @param <T> the work's result
	 * @param work what to run, given the current trace
	 * @return the work
	 */
	public <T> Mono<T> withCurrent(Function<CurrentTrace, Mono<T>> work) {
		return Mono.deferContextual((context) -> {
			Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			TracingObservationHandler.TracingContext tracing = (observation != null)
					? observation.getContextView().get(TracingObservationHandler.TracingContext.class) : null;
			Span span = (tracing != null) ? tracing.getSpan() : this.tracer.currentSpan();
			return work.apply((span != null) ? new CurrentTrace(traceparent(span.context()), span.context().traceId())
					: CurrentTrace.NONE);
		});
	}

	/**
	 * The trace a piece of work runs in.
	 *
	 * @param traceparent its W3C {@code traceparent}, {@code null} outside any trace
	 * @param traceId its trace id, {@code null} outside any trace
	 */
	public record CurrentTrace(String traceparent, String traceId) {

		static final CurrentTrace NONE = new CurrentTrace(null, null);

		/**
		 * What a log line appends: {@code " trace_id=…"}, or nothing.
		 * @return the suffix
		 */
		public String logSuffix() {
			return (this.traceId != null) ? " trace_id=" + this.traceId : "";
		}

	}

	private Observation observation(String name, String traceparent) {
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
		context.setCarrier((traceparent != null) ? Map.of(TRACEPARENT, traceparent) : Map.of());
		return Observation.createNotStarted(name, () -> context, this.observations);
	}

	private String traceparent(TraceContext context) {
		Map<String, String> headers = new HashMap<>();
		this.propagator.inject(context, headers, Map::put);
		return headers.get(TRACEPARENT);
	}

}
