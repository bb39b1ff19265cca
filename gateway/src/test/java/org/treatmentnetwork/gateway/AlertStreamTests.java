package org.treatmentnetwork.gateway;

import java.time.Duration;

import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.support.StubService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff screens' server-sent event stream passes through the ordinary alerts route
 * for as long as it lasts: the circuit breaker's time limiter and the HTTP client's
 * response timeout bound only the wait for the response headers, not the body, so a
 * stream that outlives both and is silent between events for longer than the response
 * timeout is not cut. Both limits are shortened here (2 s and 1 s) to keep the test
 * quick.
 */
@TestPropertySource(properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
class AlertStreamTests extends GatewayTestSupport {

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

	@Autowired
	TimeLimiterRegistry timeLimiters;

	@Test
	void aStreamOutlivingTheTimeLimitsIsNotCut() {
		assertThat(StubService.STREAM_INTERVAL).isGreaterThan(RESPONSE_TIMEOUT);
		assertThat(StubService.STREAM_INTERVAL.multipliedBy(StubService.STREAM_EVENTS))
			.isGreaterThan(this.timeLimiters.timeLimiter("alerts").getTimeLimiterConfig().getTimeoutDuration());

		String body = this.gateway.get()
			.uri("/api/alerts/stream")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("ON_CALL")))
			.header(StubService.BEHAVIOUR, "stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).contains("id: a-0", "id: a-" + (StubService.STREAM_EVENTS - 1));
		assertThat(NOTIFICATION.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/api/alerts/stream"));
	}

	@Test
	void theStreamStillNeedsAStaffRole() {
		this.gateway.get()
			.uri("/api/alerts/stream")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("EDITOR")))
			.header(StubService.BEHAVIOUR, "stream")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.consumeWith((result) -> {
			});
		assertThat(NOTIFICATION.requests()).isEmpty();
	}

}
