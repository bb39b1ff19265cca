package org.treatmentnetwork.content.tracing;

import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The trace id of the W3C {@code traceparent} that the gateway forwards with every
 * request, for the service's request-scoped log lines, so that one request can be
 * followed from the gateway's access log into this service. Only a valid version-00 value
 * is used; anything else is ignored.
 */
public final class TraceIds {

	/** The header the gateway creates or continues. */
	public static final String TRACEPARENT = "traceparent";

	private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

	private TraceIds() {
	}

	/**
	 * What a log line appends for a request: {@code " trace_id=…"}, or nothing when the
	 * request has no valid {@code traceparent}.
	 * @param request the request being handled
	 * @return the suffix
	 */
	public static String logSuffix(ServerHttpRequest request) {
		String traceparent = request.getHeaders().getFirst(TRACEPARENT);
		if (traceparent == null || !VALID.matcher(traceparent).matches()) {
			return "";
		}
		return " trace_id=" + traceparent.substring(3, 35);
	}

}
