package org.treatmentnetwork.gateway;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.support.RawHttp;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public contact requests are limited per client address, kept in memory: over the limit
 * the answer is 429 with Retry-After and still lists the crisis lines. The test client
 * connects from 127.0.0.1, configured here as a trusted proxy, so each test plays its own
 * client addresses through {@code X-Forwarded-For}.
 */
class RateLimitTests extends GatewayTestSupport {

	private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

	@DynamicPropertySource
	static void lowLimit(DynamicPropertyRegistry registry) {
		registry.add("gateway.intake.rate-limit.requests", () -> "3");
		registry.add("gateway.intake.rate-limit.period", () -> "1m");
		registry.add("gateway.intake.rate-limit.burst", () -> "3");
		registry.add("gateway.client-address.trusted-proxies", () -> "127.0.0.1,10.0.0.0/8");
	}

	@Test
	void overTheLimitIsRefusedWithRetryAfterAndCrisisLines() {
		String client = newClient();
		double before = rejected();
		for (int i = 0; i < 3; i++) {
			post(client).expectStatus().isAccepted();
		}
		post(client).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 20))
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/rate-limited")
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(INTAKE_PHONE).contains("911"))
			.jsonPath("$.intakePhone")
			.isEqualTo(INTAKE_PHONE)
			.jsonPath("$.crisisResources[0].phone")
			.isEqualTo("988")
			.jsonPath("$.crisisResources[1].phone")
			.isEqualTo("1-800-662-4357");
		assertThat(INTAKE.requests()).hasSize(3);
		assertThat(rejected()).isEqualTo(before + 1);
	}

	@Test
	void theLimitCannotBeWalkedAroundWithAnotherSpellingOfThePath() {
		String client = newClient();
		for (int i = 0; i < 3; i++) {
			post(client).expectStatus().isAccepted();
		}
		post(client).expectStatus().isEqualTo(429);
		for (String path : new String[] { "/api/intake/%63ontact-requests", "/api/%69ntake/contact-requests",
				"/api/intake/contact%2Drequests", "/api/intake/contact-requests;x=1", "/api/intake//contact-requests",
				"/api/intake/x/../contact-requests", "/api/intake/contact-requests%2F" }) {
			RawHttp.Response response = RawHttp.send(this.port, "POST", path,
					new String[] { "X-Forwarded-For: " + client }, "{\"name\":\"Sam\"}");
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).contains("/problems/non-canonical-path");
		}
		post(client).expectStatus().isEqualTo(429);
		assertThat(INTAKE.requests()).hasSize(3);
	}

	@Test
	void eachClientAddressHasItsOwnAllowance() {
		String first = newClient();
		String second = newClient();
		for (int i = 0; i < 3; i++) {
			post(first).expectStatus().isAccepted();
		}
		post(first).expectStatus().isEqualTo(429);
		post(second).expectStatus().isAccepted();
	}

	@Test
	void addressesAddedByTheClientItselfAreNotBelieved() {
		String client = newClient();
		// the client prepends made-up addresses; the trusted proxy appends the real one
		for (int i = 0; i < 3; i++) {
			post("198.51.100." + i + ", " + client).expectStatus().isAccepted();
		}
		post("198.51.100.99, " + client).expectStatus().isEqualTo(429);
	}

	@Test
	void chainsOfTrustedProxiesAreSkipped() {
		String client = newClient();
		for (int i = 0; i < 3; i++) {
			post(client + ", 10.1.2." + i).expectStatus().isAccepted();
		}
		post(client + ", 10.9.9.9").expectStatus().isEqualTo(429);
	}

	@Test
	void agentsLoggingCallsAreNotLimited() {
		String office = newClient();
		String token = TOKENS.valid("INTAKE_AGENT");
		for (int i = 0; i < 5; i++) {
			this.gateway.post()
				.uri("/api/intake/contact-requests")
				.header("X-Forwarded-For", office)
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isAccepted();
		}
	}

	@Test
	void otherRequestsAreNotLimited() {
		String client = newClient();
		for (int i = 0; i < 5; i++) {
			this.gateway.get()
				.uri("/api/content/crisis-resources")
				.header("X-Forwarded-For", client)
				.exchange()
				.expectStatus()
				.isOk();
		}
		post(client).expectStatus().isAccepted();
	}

	private WebTestClient.ResponseSpec post(String forwardedFor) {
		return this.gateway.post()
			.uri("/api/intake/contact-requests")
			.header("X-Forwarded-For", forwardedFor)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Sam\"}")
			.exchange();
	}

	private double rejected() {
		var counter = this.meterRegistry.find("gateway.limits.rejected").tag("limit", "rate-limit").counter();
		return (counter != null) ? counter.count() : 0;
	}

	static String newClient() {
		int n = NEXT_CLIENT.getAndIncrement();
		return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
	}

}
