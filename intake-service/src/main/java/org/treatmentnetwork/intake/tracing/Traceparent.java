package org.treatmentnetwork.intake.tracing;

import java.util.function.Function;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

/**
 * The W3C {@code traceparent} that the gateway forwards with every request. Only a value
 * of exactly the version-00 form is kept; anything else is ignored. It carries ids only,
 * never personal data.
 */
public final class Traceparent {

	/** The HTTP and Kafka header name. */
	public static final String HEADER = "traceparent";

	/** The Kafka header carrying the trace id, as the gateway's {@code X-Request-Id}. */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	private static final Pattern VALID = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");

	private static final String CONTEXT_KEY = Traceparent.class.getName();

	private Traceparent() {
	}

	/**
	 * The header value if it is a valid version-00 {@code traceparent}.
	 * @return the value, or {@code null}
	 */
	public static String validOrNull(String header) {
		return (header != null && VALID.matcher(header).matches()) ? header : null;
	}

	/**
	 * The trace id of a valid {@code traceparent}.
	 * @return the 32 hex digits, or {@code null} without a traceparent
	 */
	public static String traceId(String traceparent) {
		return (traceparent != null) ? traceparent.substring(3, 35) : null;
	}

	/**
	 * What log lines append: {@code " trace_id=…"}, or nothing without a traceparent.
	 */
	public static String logSuffix(String traceparent) {
		return (traceparent != null) ? " trace_id=" + traceId(traceparent) : "";
	}

	/**
	 * Calls {@code action} with the valid {@code traceparent} of the request being
	 * handled ({@code null} if there is none), read from the Reactor context where
	 * {@link TraceparentWebFilter} put it.
	 */
	public static <T> Mono<T> withCurrent(Function<String, Mono<T>> action) {
		return Mono.deferContextual((context) -> action.apply(context.getOrDefault(CONTEXT_KEY, null)));
	}

	static String contextKey() {
		return CONTEXT_KEY;
	}

}
