package org.treatmentnetwork.notification.intake;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace id a record carries: from its W3C {@code traceparent} header, else from its
 * {@code X-Request-Id} header (the trace id the gateway assigned). Malformed values are
 * ignored, so nothing but 32 lowercase hex digits ever reaches a log line.
 */
final class RecordTrace {

	static final String TRACEPARENT = "traceparent";

	static final String REQUEST_ID = "X-Request-Id";

	private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

	private static final Pattern TRACE_ID_FORMAT = Pattern.compile("^[0-9a-f]{32}$");

	private RecordTrace() {
	}

	/**
	 * The record's trace id.
	 * @return 32 hex digits, or {@code null} when the record carries none
	 */
	static String traceId(Headers headers) {
		String traceparent = lastValue(headers, TRACEPARENT);
		if (traceparent != null) {
			Matcher matcher = TRACEPARENT_FORMAT.matcher(traceparent);
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		String requestId = lastValue(headers, REQUEST_ID);
		return (requestId != null && TRACE_ID_FORMAT.matcher(requestId).matches()) ? requestId : null;
	}

	/**
	 * What log lines append: {@code " trace_id=…"}, or nothing.
	 */
	static String logSuffix(String traceId) {
		return (traceId != null) ? " trace_id=" + traceId : "";
	}

	private static String lastValue(Headers headers, String name) {
		Header header = (headers != null) ? headers.lastHeader(name) : null;
		if (header == null || header.value() == null || header.value().length > 100) {
			return null;
		}
		return new String(header.value(), StandardCharsets.US_ASCII);
	}

}
