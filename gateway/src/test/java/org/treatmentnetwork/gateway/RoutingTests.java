package org.treatmentnetwork.gateway;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.support.RecordedRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each route reaches its service with the path, query, body and Authorization header
 * unchanged, and unknown paths are answered by the gateway itself.
 */
class RoutingTests extends GatewayTestSupport {

	@Test
	void publicContentReadReachesContentServiceWithPathAndQuery() {
		this.gateway.get()
			.uri("/api/content/articles?locale=en&topic=detox&page=0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Served-By", "content")
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("content");
		assertThat(CONTENT.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.path()).isEqualTo("/api/content/articles");
			assertThat(request.query()).isEqualTo("locale=en&topic=detox&page=0");
			assertThat(request.headers().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
		});
		assertThat(INTAKE.requests()).isEmpty();
		assertThat(NOTIFICATION.requests()).isEmpty();
	}

	@Test
	void editorWriteReachesContentServiceWithBodyAndToken() {
		String token = TOKENS.valid("EDITOR");
		String article = "{\"slug\":\"what-is-moud\",\"title\":\"What is MOUD?\"}";
		this.gateway.put()
			.uri("/api/content/articles/what-is-moud")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(article)
			.exchange()
			.expectStatus()
			.isOk();
		RecordedRequest request = CONTENT.requests().get(0);
		assertThat(request.method()).isEqualTo("PUT");
		assertThat(request.path()).isEqualTo("/api/content/articles/what-is-moud");
		assertThat(request.body()).isEqualTo(article);
		assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
	}

	@Test
	void publicContactRequestReachesIntakeServiceUnchanged() {
		String body = "{\"name\":\"Sam\",\"phone\":\"+1 555 010 0199\",\"preferredContact\":\"PHONE\","
				+ "\"forWhom\":\"SELF\",\"consent\":{\"contact\":true}}";
		this.gateway.post()
			.uri("/api/intake/contact-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "3f1c2a")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("intake");
		assertThat(INTAKE.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/intake/contact-requests");
			assertThat(request.body()).isEqualTo(body);
			assertThat(request.headers().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
			assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("3f1c2a");
		});
	}

	@Test
	void agentRequestsReachIntakeServiceWithToken() {
		String token = TOKENS.valid("INTAKE_AGENT");
		this.gateway.post()
			.uri("/api/intake/contact-requests/r-1/status")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"status\":\"CONTACTED\",\"note\":\"called back\"}")
			.exchange()
			.expectStatus()
			.isAccepted();
		RecordedRequest request = INTAKE.requests().get(0);
		assertThat(request.path()).isEqualTo("/api/intake/contact-requests/r-1/status");
		assertThat(request.body()).isEqualTo("{\"status\":\"CONTACTED\",\"note\":\"called back\"}");
		assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
	}

	@Test
	void alertsAndOnCallReachNotificationService() {
		String token = TOKENS.valid("ON_CALL");
		this.gateway.get()
			.uri("/api/alerts?state=TRIGGERED&reference=K7Q2")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk();
		this.gateway.get()
			.uri("/api/on-call/now")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(NOTIFICATION.requests()).hasSize(2);
		RecordedRequest alerts = NOTIFICATION.requests().get(0);
		assertThat(alerts.path()).isEqualTo("/api/alerts");
		assertThat(alerts.query()).isEqualTo("state=TRIGGERED&reference=K7Q2");
		assertThat(alerts.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
		assertThat(NOTIFICATION.requests().get(1).path()).isEqualTo("/api/on-call/now");
	}

	@Test
	void oneClickAcknowledgementLinksNeedNoToken() {
		this.gateway.get().uri("/api/alerts/ack/signed.link-token").exchange().expectStatus().isOk();
		this.gateway.post().uri("/api/alerts/ack/signed.link-token").exchange().expectStatus().isAccepted();
		assertThat(NOTIFICATION.requests()).extracting(RecordedRequest::method).containsExactly("GET", "POST");
		assertThat(NOTIFICATION.requests()).extracting(RecordedRequest::path)
			.containsOnly("/api/alerts/ack/signed.link-token");
	}

	@Test
	void clientErrorsFromServicesPassThrough() {
		this.gateway.get()
			.uri("/api/content/articles/no-such-article")
			.header("X-Test-Behaviour", "not-found")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("X-Served-By", "content");
		assertThat(CONTENT.requests()).hasSize(1);
	}

	@Test
	void cachingHeadersFromContentServiceArePreserved() {
		this.gateway.get()
			.uri("/api/content/articles/what-is-moud?locale=en")
			.header("X-Test-Behaviour", "cacheable")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"v1\"")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
	}

	@Test
	void unknownPathsAreNotFoundAndReachNoService() {
		this.gateway.get()
			.uri("/api/unknown")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("SUPERVISOR")))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/not-found")
			.jsonPath("$.status")
			.isEqualTo(404);
		this.gateway.get().uri("/").exchange().expectStatus().isNotFound();
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void responsesCarrySecurityHeaders() {
		this.gateway.get()
			.uri("/api/content/crisis-resources")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer");
	}

	@Test
	void websiteOriginMayCallTheApiFromABrowser() {
		this.gateway.options()
			.uri("/api/intake/contact-requests")
			.header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,idempotency-key")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
		this.gateway.get()
			.uri("/api/content/articles")
			.header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
	}

	@Test
	void otherOriginsAreRefused() {
		this.gateway.options()
			.uri("/api/intake/contact-requests")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		assertThat(allRequests()).isEmpty();
	}

}
