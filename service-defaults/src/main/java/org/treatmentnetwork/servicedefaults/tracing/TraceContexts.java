package org.treatmentnetwork.servicedefaults.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

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
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
		context.setCarrier((traceparent != null) ? Map.of(TRACEPARENT, traceparent) : Map.of());
		return Observation.createNotStarted(name, () -> context, this.observations).observe(work);
	}

	private String traceparent(TraceContext context) {
		Map<String, String> headers = new HashMap<>();
		this.propagator.inject(context, headers, Map::put);
		return headers.get(TRACEPARENT);
	}

}
