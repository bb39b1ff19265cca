package org.treatmentnetwork.servicedefaults.tracing;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * The trace of the HTTP request being handled, from its server observation (which
 * Micrometer Tracing starts around every request, continuing the caller's
 * {@code traceparent}). Works wherever the exchange is at hand, whichever thread runs.
 */
public final class RequestTraces {

	private RequestTraces() {
	}

	/**
	 * The request's trace id.
	 * @param exchangeAttributes the exchange's attributes
	 * @return 32 hex digits, or {@code null} when tracing is off
	 */
	public static String traceId(Map<String, Object> exchangeAttributes) {
		return ServerRequestObservationContext.findCurrent(exchangeAttributes)
			.map((context) -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map(Span::context)
			.map((context) -> context.traceId())
			.orElse(null);
	}

	/**
	 * What a log line about the request appends: {@code " trace_id=…"}, or nothing.
	 * @param exchangeAttributes the exchange's attributes
	 * @return the suffix
	 */
	public static String logSuffix(Map<String, Object> exchangeAttributes) {
		String traceId = traceId(exchangeAttributes);
		return (traceId != null) ? " trace_id=" + traceId : "";
	}

}
