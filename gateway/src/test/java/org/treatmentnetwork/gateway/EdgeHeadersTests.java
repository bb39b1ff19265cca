package org.treatmentnetwork.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.treatmentnetwork.gateway.support.StubService;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer carries: security headers (with a strict policy on HTML), a request
 * id that is also passed to the services with the W3C trace context, and an access log
 * line without personal data.
 */
@ExtendWith(OutputCaptureExtension.class)
class EdgeHeadersTests extends GatewayTestSupport {

	private static final String HSTS = "max-age=31536000; includeSubDomains";

	private static final String HTML_POLICY = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private static final String REQUEST_ID = "[0-9a-f]{32}";

	@Test
	void proxiedAnswersCarrySecurityHeaders() {
		this.gateway.get()
			.uri("/api/content/articles")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", HSTS)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void gatewayAnswersCarrySecurityHeadersToo() {
		this.gateway.get()
			.uri("/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", HSTS)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueMatches(RequestTracingIds.HEADER, REQUEST_ID);
	}

	@Test
	void htmlWithoutPolicyGetsTheStrictPolicy() {
		ackPage("html").expectHeader().valueEquals("Content-Security-Policy", HTML_POLICY);
	}

	@Test
	void htmlWithAPermissivePolicyGetsTheStrictPolicyInstead() {
		ackPage("html-weak-csp").expectHeader().valueEquals("Content-Security-Policy", HTML_POLICY);
	}

	@Test
	void htmlWithAStrictPolicyKeepsItsOwnHashes() {
		ackPage("html-strict-csp").expectHeader()
			.valueEquals("Content-Security-Policy", StubService.STRICT_PAGE_POLICY);
	}

	@Test
	void everyAnswerHasARequestIdThatTheServiceReceivedWithTheTraceContext() {
		EntityExchangeResult<byte[]> result = this.gateway.get()
			.uri("/api/content/articles")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(RequestTracingIds.HEADER, REQUEST_ID)
			.expectBody()
			.returnResult();
		String requestId = result.getResponseHeaders().getFirst(RequestTracingIds.HEADER);
		assertThat(CONTENT.requests()).singleElement().satisfies((request) -> {
			assertThat(request.headers().getFirst(RequestTracingIds.HEADER)).isEqualTo(requestId);
			assertThat(request.headers().getFirst("traceparent")).matches("00-" + requestId + "-[0-9a-f]{16}-01");
		});
	}

	@Test
	void incomingTraceContextIsContinued() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.gateway.post()
			.uri("/api/intake/contact-requests")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header(RequestTracingIds.HEADER, "client-chosen-id")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueEquals(RequestTracingIds.HEADER, traceId);
		assertThat(INTAKE.requests()).singleElement().satisfies((request) -> {
			String traceparent = request.headers().getFirst("traceparent");
			assertThat(traceparent).startsWith("00-" + traceId + "-").endsWith("-01");
			assertThat(traceparent).doesNotContain("00f067aa0ba902b7");
			assertThat(request.headers().getFirst(RequestTracingIds.HEADER)).isEqualTo(traceId);
		});
	}

	@Test
	void malformedTraceContextIsReplaced() {
		for (String invalid : new String[] { "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
				"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01" }) {
			String requestId = this.gateway.get()
				.uri("/api/content/articles")
				.header("traceparent", invalid)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseHeaders()
				.getFirst(RequestTracingIds.HEADER);
			assertThat(requestId).matches(REQUEST_ID).isNotEqualTo("00000000000000000000000000000000");
		}
	}

	@Test
	void accessLogHasNoQueryStringsNorLinkTokens(CapturedOutput output) {
		String requestId = this.gateway.get()
			.uri("/api/content/articles?q=methadone+near+me&locale=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getFirst(RequestTracingIds.HEADER);
		this.gateway.get().uri("/api/alerts/ack/secret-link-token.sig").exchange().expectStatus().isOk();
		this.management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> assertThat(output.getOut()).contains("GET /api/content/articles 200 ")
				.contains("request_id=" + requestId)
				.contains("GET /api/alerts/ack/{token} 200 "));
		assertThat(output.getOut()).doesNotContain("methadone")
			.doesNotContain("secret-link-token")
			.doesNotContain("GET /actuator/health/readiness");
	}

	@Test
	void browsersMayReadTheRequestId() {
		this.gateway.get()
			.uri("/api/content/articles")
			.header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					(exposed) -> assertThat(exposed).contains(RequestTracingIds.HEADER));
	}

	@Test
	void contentReadsFromAnotherOriginAreRefusedWithOrWithoutAToken() {
		this.gateway.get()
			.uri("/api/content/articles")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.exchange()
			.expectStatus()
			.isForbidden();
		this.gateway.get()
			.uri("/api/content/articles")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("EDITOR")))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void preflightAllowsTheWebsiteToSendTraceContext() {
		this.gateway.options()
			.uri("/api/intake/contact-requests")
			.header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,traceparent")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("POST"));
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void aBrowserEditorOnAnAllowedOriginMaySendIfMatch() {
		// Saving an article needs If-Match (428 without it), so the preflight must allow
		// it.
		this.gateway.options()
			.uri("/api/content/articles/some-article")
			.header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,if-match")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					(headers) -> assertThat(headers.toLowerCase(java.util.Locale.ROOT)).contains("if-match"));
		assertThat(allRequests()).isEmpty();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec ackPage(String behaviour) {
		return this.gateway.get()
			.uri("/api/alerts/ack/link-token")
			.header(StubService.BEHAVIOUR, behaviour)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
	}

	/** The request id header name, as clients see it. */
	static final class RequestTracingIds {

		static final String HEADER = "X-Request-Id";

		private RequestTracingIds() {
		}

	}

}
