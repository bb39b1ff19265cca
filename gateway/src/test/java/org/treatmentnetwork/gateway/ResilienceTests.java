package org.treatmentnetwork.gateway;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.support.StubService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down, hangs or fails gets a fallback answer that tells the person
 * what to do instead; reads are retried, writes never; repeated failures open the
 * circuit.
 */
class ResilienceTests extends GatewayTestSupport {

	@Autowired
	TimeLimiterRegistry timeLimiters;

	private static final String CONTACT_REQUEST = "{\"name\":\"Sam\",\"phone\":\"+1 555 010 0199\"}";

	@Test
	void contentServiceDownAnswersWithCrisisLinesAndIntakePhone() {
		double before = fallbacks("content", "unreachable");
		CONTENT.stop();
		expectPublicFallback(this.gateway.get().uri("/api/content/articles?locale=en").exchange());
		assertThat(fallbacks("content", "unreachable")).isEqualTo(before + 1);
	}

	@Test
	void contentServiceHangingAnswersAfterTheTimeLimit() {
		double before = fallbacks("content", "timeout");
		expectPublicFallback(this.gateway.get()
			.uri("/api/content/articles/what-is-moud")
			.header(StubService.BEHAVIOUR, "hang")
			.exchange());
		assertThat(fallbacks("content", "timeout")).isEqualTo(before + 1);
	}

	@Test
	void contentLaterThanItsLimitIsAnsweredWithTheCrisisLinesBeforeTheServiceWouldHaveAnswered() {
		double before = fallbacks("content", "timeout");
		long start = System.nanoTime();
		expectPublicFallback(this.gateway.get()
			.uri("/api/content/articles/what-is-moud")
			.header(StubService.BEHAVIOUR, "late")
			.exchange());
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		// the route's limit (2.5 s here) answered, not the service (3.5 s) nor the HTTP
		// client's response timeout (10 s)
		assertThat(waited).isLessThan(StubService.LATE_ANSWER);
		assertThat(fallbacks("content", "timeout")).isEqualTo(before + 1);
		assertThat(CONTENT.requests()).hasSize(1);
	}

	@Test
	void eachRouteHasItsOwnLimit() {
		// the same late answer is within intake's limit (5 s here)
		postContactRequest("late").expectStatus().isAccepted();
		assertThat(INTAKE.requests()).hasSize(1);
	}

	@Test
	void failingReadsAreRetriedWithBackoffThenFallBack() {
		expectPublicFallback(
				this.gateway.get().uri("/api/content/centers").header(StubService.BEHAVIOUR, "fail").exchange());
		assertThat(CONTENT.requests()).hasSize(3).allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.path()).isEqualTo("/api/content/centers");
		});
	}

	@Test
	void intakeServiceDownTellsThePersonToCall() {
		double before = fallbacks("intake", "unreachable");
		INTAKE.stop();
		expectPublicFallback(postContactRequest(null)).jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(INTAKE_PHONE).contains("call"));
		assertThat(fallbacks("intake", "unreachable")).isEqualTo(before + 1);
	}

	@Test
	void failingContactRequestIsNeverRetried() {
		double before = fallbacks("intake", "service-error");
		expectPublicFallback(postContactRequest("fail"));
		assertThat(INTAKE.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.body()).isEqualTo(CONTACT_REQUEST);
		});
		assertThat(fallbacks("intake", "service-error")).isEqualTo(before + 1);
	}

	@Test
	void hangingContactRequestIsAnsweredAndNotRetried() {
		double before = fallbacks("intake", "timeout");
		long start = System.nanoTime();
		expectPublicFallback(postContactRequest("hang"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(INTAKE.requests()).hasSize(1);
		assertThat(fallbacks("intake", "timeout")).isEqualTo(before + 1);
	}

	@Test
	void repeatedFailuresOpenTheCircuit() {
		for (int i = 0; i < 10; i++) {
			expectPublicFallback(postContactRequest("fail"));
		}
		assertThat(this.circuitBreakers.circuitBreaker("intake").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		double before = fallbacks("intake", "circuit-open");
		expectPublicFallback(postContactRequest(null));
		assertThat(INTAKE.requests()).hasSize(10);
		assertThat(fallbacks("intake", "circuit-open")).isEqualTo(before + 1);
	}

	@Test
	void openCircuitRecoversAfterSuccessfulTrialCalls() {
		for (int i = 0; i < 10; i++) {
			expectPublicFallback(postContactRequest("fail"));
		}
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("intake");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		// what the configured wait in the open state (30 s) leads to
		breaker.transitionToHalfOpenState();
		for (int i = 0; i < 3; i++) {
			postContactRequest(null).expectStatus().isAccepted();
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		postContactRequest(null).expectStatus().isAccepted();
		assertThat(INTAKE.requests()).hasSize(14);
	}

	@Test
	void halfOpenCircuitOpensAgainWhenTrialCallsFail() {
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("content");
		breaker.transitionToOpenState();
		breaker.transitionToHalfOpenState();
		for (int i = 0; i < 3; i++) {
			expectPublicFallback(
					this.gateway.get().uri("/api/content/centers").header(StubService.BEHAVIOUR, "fail").exchange());
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void openCircuitAnswersWithoutCallingTheService() {
		this.circuitBreakers.circuitBreaker("content").transitionToForcedOpenState();
		expectPublicFallback(this.gateway.get().uri("/api/content/crisis-resources").exchange());
		assertThat(CONTENT.requests()).isEmpty();
	}

	@Test
	void notificationServiceDownAnswersStaffWithAProblem() {
		double before = fallbacks("on-call", "unreachable");
		NOTIFICATION.stop();
		this.gateway.get()
			.uri("/api/on-call/now")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("ON_CALL")))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/service-unavailable")
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.title")
			.isEqualTo("Alerts temporarily unavailable")
			.jsonPath("$.detail")
			.isNotEmpty();
		this.gateway.post()
			.uri("/api/alerts/a-1/acknowledge")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("ON_CALL")))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fallbacks("on-call", "unreachable")).isEqualTo(before + 1);
		assertThat(fallbacks("alerts", "unreachable")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void serviceBackUpIsReachedAgain() {
		CONTENT.stop();
		expectPublicFallback(this.gateway.get().uri("/api/content/articles").exchange());
		CONTENT.restart();
		this.gateway.get().uri("/api/content/articles").exchange().expectStatus().isOk();
	}

	@Test
	void breakerAndTimeLimiterSettingsComeFromConfiguration() {
		// gateway.time-limits, shortened in this test context, less the 250 ms kept for
		// the gateway's own work
		Map<String, Duration> limits = Map.of("content", Duration.ofMillis(2500), "intake", Duration.ofSeconds(5),
				"alerts", Duration.ofSeconds(2), "on-call", Duration.ofSeconds(2));
		limits.forEach((route, limit) -> {
			assertThat(this.circuitBreakers.circuitBreaker(route).getCircuitBreakerConfig().getMinimumNumberOfCalls())
				.isEqualTo(10);
			assertThat(this.timeLimiters.timeLimiter(route).getTimeLimiterConfig().getTimeoutDuration()).as(route)
				.isEqualTo(limit.minusMillis(250));
		});
	}

	private WebTestClient.ResponseSpec postContactRequest(String behaviour) {
		return this.gateway.post().uri("/api/intake/contact-requests").headers((headers) -> {
			if (behaviour != null) {
				headers.set(StubService.BEHAVIOUR, behaviour);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(CONTACT_REQUEST).exchange();
	}

	private WebTestClient.BodyContentSpec expectPublicFallback(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "30")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/service-unavailable")
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(INTAKE_PHONE))
			.jsonPath("$.intakePhone")
			.isEqualTo(INTAKE_PHONE)
			.jsonPath("$.crisisResources[0].phone")
			.isEqualTo("988")
			.jsonPath("$.crisisResources[1].phone")
			.isEqualTo("1-800-662-4357")
			.jsonPath("$.crisisResources[2].phone")
			.isEqualTo("911");
	}

}
