package org.treatmentnetwork.systemtests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's edge through the running suite: size limits (declared and chunked bodies,
 * headers), security headers, request ids, CORS preflight, a strict policy on the
 * notification service's HTML pages, no actuator on the public port, and paths not in
 * canonical form refused. The shared suite's rate limit is lifted (the other tests submit
 * far more than a family would), so the test that uses a limit up runs a second gateway
 * from the same jar, with a limit of its own, in front of the suite's services.
 */
@ExtendWith(RunningSuite.class)
class GatewayEdgeSystemIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String WEBSITE = "http://localhost:3000";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@Test
	void contactRequestOverSixteenKibibytesIsRefusedWithHelp() {
		HttpResponse<String> response = send(
				post("/api/intake/contact-requests").POST(HttpRequest.BodyPublishers.ofString(jsonOfSize(20 * 1024))));
		expectTooLarge(response);
	}

	@Test
	void chunkedContactRequestOverSixteenKibibytesIsRefusedToo() {
		byte[] body = jsonOfSize(20 * 1024).getBytes(StandardCharsets.UTF_8);
		// an input stream has no known length, so the body is sent chunked
		HttpResponse<String> response = send(post("/api/intake/contact-requests")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
		expectTooLarge(response);
	}

	@Test
	void encodedContactFormPathsAreRefusedWhileTheLimitIsUsedUp() {
		long first = ThreadLocalRandom.current().nextLong(1_000_000);
		String person = """
				{"name": "Edge Test", "phone": "+1 646 %03d %04d", "preferredContact": "PHONE", "forWhom": "SELF",
				 "substances": ["alcohol"], "message": "I would like to talk about treatment options",
				 "consent": {"contact": true, "text": false, "voicemail": false}}
				""".formatted(200 + first / 10_000, first % 10_000);
		// a generous time limit: a cold gateway on a busy machine must not turn the first
		// requests into fallbacks, which are not the subject here
		try (SecondGateway gateway = SecondGateway
			.start(Map.of("GATEWAY_INTAKE_RATE_LIMIT_REQUESTS", "2", "GATEWAY_INTAKE_RATE_LIMIT_BURST", "2",
					"GATEWAY_INTAKE_RATE_LIMIT_PERIOD", "1m", "GATEWAY_INTAKE_TIME_LIMIT", "30s"))) {
			for (int i = 0; i < 2; i++) {
				assertThat(send(post(gateway, "/api/intake/contact-requests", person)).statusCode()).isEqualTo(202);
			}
			assertThat(send(post(gateway, "/api/intake/contact-requests", person)).statusCode()).isEqualTo(429);
			for (String path : new String[] { "/api/intake/%63ontact-requests", "/api/%69ntake/contact-requests" }) {
				HttpResponse<String> response = send(post(gateway, path, person));
				assertThat(response.statusCode()).as(path).isEqualTo(400);
				assertThat(header(response, "Content-Type")).as(path).startsWith("application/problem+json");
				assertThat(JSON.readTree(response.body()).path("type").asString()).as(path)
					.isEqualTo("https://treatment-network.example/problems/non-canonical-path");
				assertThat(response.body()).as(path).doesNotContain("Edge Test");
			}
			assertThat(send(post(gateway, "/api/intake/contact-requests", person)).statusCode()).isEqualTo(429);
		}
	}

	@Test
	void oversizedHeadersAreRefusedWith431AndAProblem() {
		HttpResponse<String> response = send(request("/api/not-routed").header("X-Padding", "a".repeat(20 * 1024)));
		assertThat(response.statusCode()).isEqualTo(431);
		assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body())
			.contains("\"type\":\"https://treatment-network.example/problems/headers-too-large\"");
	}

	@Test
	void answersCarrySecurityHeadersAndARequestId() {
		HttpResponse<String> response = send(request("/api/content/crisis-resources"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(header(response, "Strict-Transport-Security")).startsWith("max-age=");
		assertThat(header(response, "Content-Security-Policy")).startsWith("default-src 'none'");
		assertThat(header(response, "X-Request-Id")).matches("[0-9a-f]{32}");
	}

	@Test
	void callersTraceContextIsContinued() {
		String traceId = "5a2f0e9c61d04b7e8d3c2b1a09f8e7d6";
		HttpResponse<String> response = send(request("/api/content/crisis-resources").header("traceparent",
				"00-" + traceId + "-1a2b3c4d5e6f7081-01"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "X-Request-Id")).isEqualTo(traceId);
	}

	@Test
	void htmlPagesFromServicesGetAStrictPolicy() {
		HttpResponse<String> response = send(
				request("/api/alerts/ack/not-a-valid-link-" + System.nanoTime()).header("Accept", "text/html"));
		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(header(response, "Content-Type")).startsWith("text/html");
		assertThat(header(response, "Content-Security-Policy")).startsWith("default-src 'none'")
			.contains("frame-ancestors 'none'");
		assertThat(header(response, "X-Request-Id")).matches("[0-9a-f]{32}");
	}

	@Test
	void noActuatorNorRouteListingThroughTheGateway() {
		for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/prometheus",
				"/actuator/gateway/routes", "/actuator/env" }) {
			HttpResponse<String> response = send(request(path));
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(header(response, "Content-Type")).as(path).startsWith("application/problem+json");
		}
	}

	@Test
	void websitePreflightIsAllowedAndOtherOriginsAreNot() {
		HttpResponse<String> allowed = send(preflight(WEBSITE));
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo(WEBSITE);
		assertThat(header(allowed, "Access-Control-Allow-Methods")).contains("POST");
		HttpResponse<String> refused = send(preflight("https://evil.example"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpRequest.Builder preflight(String origin) {
		return request("/api/intake/contact-requests").header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody());
	}

	private static void expectTooLarge(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString())
			.isEqualTo("https://treatment-network.example/problems/payload-too-large");
		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("intakePhone").asString()).isNotBlank();
		assertThat(problem.path("crisisResources").size()).isGreaterThanOrEqualTo(1);
		assertThat(response.body()).doesNotContain("xxxxxxxxxx");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(RunningSuite.config().gatewayUrl() + path))
			.timeout(Duration.ofSeconds(15));
	}

	private static HttpRequest.Builder post(SecondGateway gateway, String rawPath, String json) {
		return HttpRequest.newBuilder(URI.create(gateway.url() + rawPath))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	private HttpRequest.Builder post(String path) {
		return request(path).header("Content-Type", "application/json").header("Accept", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request to the gateway failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse("");
	}

	private static String jsonOfSize(int bytes) {
		String start = "{\"message\":\"";
		String end = "\"}";
		return start + "x".repeat(bytes - start.length() - end.length()) + end;
	}

}
