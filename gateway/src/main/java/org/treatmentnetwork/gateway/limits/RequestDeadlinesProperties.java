package org.treatmentnetwork.gateway.limits;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a client may take to send a request, on every route. Unlike the idle timeout,
 * which starts again with every byte, these are deadlines for the whole part.
 *
 * @param headers from the first byte of a request to the end of its headers
 * @param body from the end of the headers to the end of the body the request declared
 * ({@code Content-Length} or chunked); requests without a body have none
 */
@Validated
@ConfigurationProperties("gateway.request-deadlines")
record RequestDeadlinesProperties(@NotNull @DefaultValue("10s") Duration headers,
		@NotNull @DefaultValue("10s") Duration body) {

	RequestDeadlinesProperties {
		if ((headers != null && (headers.isZero() || headers.isNegative()))
				|| (body != null && (body.isZero() || body.isNegative()))) {
			throw new IllegalArgumentException("gateway.request-deadlines.headers and .body must be positive");
		}
	}

}
