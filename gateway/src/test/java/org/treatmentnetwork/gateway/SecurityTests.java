package org.treatmentnetwork.gateway;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff paths need a valid token with the right role; public paths need none, but a token
 * that is sent must be valid. Refusals are problem+json and never reach a service.
 */
class SecurityTests extends GatewayTestSupport {

	private static final String PROBLEMS = "https://treatment-network.example/problems/";

	/** Staff requests, the role that may make them, and a role that may not. */
	static Stream<Arguments> staffRequests() {
		return Stream.of(Arguments.of(HttpMethod.GET, "/api/intake/queue", "INTAKE_AGENT", "ON_CALL"),
				Arguments.of(HttpMethod.GET, "/api/intake/contact-requests/r-1", "SUPERVISOR", "EDITOR"),
				Arguments.of(HttpMethod.POST, "/api/intake/contact-requests/r-1/claim", "INTAKE_AGENT", "ON_CALL"),
				Arguments.of(HttpMethod.GET, "/api/alerts", "ON_CALL", "INTAKE_AGENT"),
				Arguments.of(HttpMethod.POST, "/api/alerts/a-1/acknowledge", "ON_CALL", "EDITOR"),
				Arguments.of(HttpMethod.GET, "/api/on-call/now", "SUPERVISOR", "INTAKE_AGENT"),
				Arguments.of(HttpMethod.PUT, "/api/on-call/schedules/detox", "SUPERVISOR", "EDITOR"),
				Arguments.of(HttpMethod.POST, "/api/content/articles", "EDITOR", "SUPERVISOR"),
				Arguments.of(HttpMethod.PUT, "/api/content/articles/what-is-moud", "EDITOR", "INTAKE_AGENT"));
	}

	@ParameterizedTest(name = "{0} {1} without a token")
	@MethodSource("staffRequests")
	void staffPathsWithoutTokenAreUnauthorized(HttpMethod method, String path, String role, String wrongRole) {
		expectUnauthorized(send(method, path, (headers) -> {
		}), "Bearer");
		assertThat(allRequests()).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} with a bad token")
	@MethodSource("staffRequests")
	void staffPathsWithBadTokensAreUnauthorized(HttpMethod method, String path, String role, String wrongRole) {
		for (String token : new String[] { TOKENS.expired(role), TOKENS.forged(role), TOKENS.wrongIssuer(role),
				"not-a-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." }) {
			expectUnauthorized(send(method, path, (headers) -> headers.setBearerAuth(token)),
					"Bearer error=\"invalid_token\"");
		}
		assertThat(allRequests()).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} with role {3}")
	@MethodSource("staffRequests")
	void staffPathsWithWrongRoleAreForbidden(HttpMethod method, String path, String role, String wrongRole) {
		send(method, path, (headers) -> headers.setBearerAuth(TOKENS.valid(wrongRole))).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "forbidden")
			.jsonPath("$.status")
			.isEqualTo(403)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.detail")
			.isNotEmpty();
		assertThat(allRequests()).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} with role {2}")
	@MethodSource("staffRequests")
	void staffPathsWithRightRoleReachTheService(HttpMethod method, String path, String role, String wrongRole) {
		String token = TOKENS.valid(role);
		send(method, path, (headers) -> headers.setBearerAuth(token)).expectStatus().is2xxSuccessful();
		assertThat(allRequests()).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo(path);
			assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
		});
	}

	@Test
	void rolesAccumulate() {
		send(HttpMethod.GET, "/api/alerts", (headers) -> headers.setBearerAuth(TOKENS.valid("EDITOR", "ON_CALL")))
			.expectStatus()
			.isOk();
	}

	@Test
	void publicContentNeedsNoToken() {
		this.gateway.get().uri("/api/content/treatment-approaches?locale=en").exchange().expectStatus().isOk();
		this.gateway.head().uri("/api/content/articles/what-is-moud").exchange().expectStatus().isOk();
		assertThat(CONTENT.requests()).hasSize(2);
	}

	@Test
	void publicContactRequestWithInvalidTokenIsUnauthorized() {
		WebTestClient.ResponseSpec response = this.gateway.post()
			.uri("/api/intake/contact-requests")
			.headers((headers) -> headers.setBearerAuth(TOKENS.expired("INTAKE_AGENT")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Sam\"}")
			.exchange();
		expectUnauthorized(response, "Bearer error=\"invalid_token\"");
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void contactRequestLoggedByAgentCarriesTheToken() {
		String token = TOKENS.valid("INTAKE_AGENT");
		this.gateway.post()
			.uri("/api/intake/contact-requests")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Sam\"}")
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(INTAKE.requests()).singleElement()
			.satisfies((request) -> assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION))
				.isEqualTo("Bearer " + token));
	}

	@Test
	void oneClickLinksDoNotOpenOtherAlertPaths() {
		this.gateway.post()
			.uri("/api/alerts/ack/../a-1/acknowledge")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "non-canonical-path");
		this.gateway.post().uri("/api/alerts/ack/%2E%2E/a-1/acknowledge").exchange().expectStatus().isBadRequest();
		this.gateway.put().uri("/api/alerts/ack/token").exchange().expectStatus().isUnauthorized();
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void garbageAuthorizationOnPublicContentIsUnauthorized() {
		expectUnauthorized(
				send(HttpMethod.GET, "/api/content/articles",
						(headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")),
				"Bearer error=\"invalid_token\"");
		assertThat(allRequests()).isEmpty();
	}

	private WebTestClient.ResponseSpec send(HttpMethod method, String path, Consumer<HttpHeaders> headers) {
		WebTestClient.RequestBodySpec request = this.gateway.method(method).uri(path).headers(headers);
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"x\"}").exchange();
		}
		return request.exchange();
	}

	private void expectUnauthorized(WebTestClient.ResponseSpec response, String challenge) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.detail")
			.isNotEmpty();
	}

}
