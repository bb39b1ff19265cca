package org.treatmentnetwork.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.treatmentnetwork.gateway.support.RawHttp;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths not written in canonical form are refused with {@code 400} before any check,
 * limit or route looks at them, so nothing can be routed by a decoded path that a filter
 * compared in its written form. Paths are sent over a plain socket, exactly as written
 * here.
 */
@ExtendWith(OutputCaptureExtension.class)
class CanonicalPathTests extends GatewayTestSupport {

	private static final String CONTACT_REQUEST = "{\"name\":\"Sam\",\"phone\":\"+1 555 010 0199\"}";

	@ParameterizedTest
	@ValueSource(strings = { "/api/intake/%63ontact-requests", "/api/%69ntake/contact-requests",
			"/api/intake/contact%2Drequests", "/api/intake/contact%2drequests", "/api/intake/CONTACT-REQUESTS%41",
			"/api/intake%2Fcontact-requests", "/api/intake%2fcontact-requests", "/api/intake%5Ccontact-requests",
			"/api/intake/contact-requests;x=1", "/api/intake;x=1/contact-requests",
			"/api/intake/contact-requests%3Bx=1", "/api//intake/contact-requests", "/api/intake//contact-requests",
			"/api/./intake/contact-requests", "/api/intake/x/../contact-requests",
			"/api/intake/%2E%2E/contact-requests", "/api/intake/%2e/contact-requests",
			"/api/intake/%2563ontact-requests", "/api/intake/contact-requests%00", "/api/intake/%7Econtact-requests",
			"/api/intake/contact%5Frequests" })
	void nonCanonicalContactFormPathsAreRefusedWithoutReachingTheService(String path) {
		RawHttp.Response response = RawHttp.send(this.port, "POST", path, new String[0], CONTACT_REQUEST);
		expectNonCanonical(response);
		assertThat(allRequests()).isEmpty();
	}

	// not an address at all: refused by Reactor Netty or Spring's adapter before any
	// filter, with the general bad-request problem
	@ParameterizedTest
	@ValueSource(strings = { "/api/intake\\contact-requests", "/api/intake/contact-requests%G1",
			"/api/intake/contact-requests%6", "/api/intake/contact-requests%" })
	void unreadableAddressesAreRefusedWithoutReachingTheService(String path) {
		RawHttp.Response response = RawHttp.send(this.port, "POST", path, new String[0], CONTACT_REQUEST);
		assertThat(response.status()).as(response.head()).isEqualTo(400);
		assertThat(response.header("Content-Type")).as(response.head()).isEqualTo("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"https://treatment-network.example/problems/bad-request\"");
		assertThat(allRequests()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/%63ontent/articles", "/api/content/%61rticles/what-is-moud",
			"/api/content/articles;jsessionid=1", "/api/content//articles", "/api/content/articles/../centers",
			"/api/alerts/ack/%2E%2E/a-1/acknowledge", "/fallback/%63ontent" })
	void nonCanonicalReadsAreRefusedToo(String path) {
		expectNonCanonical(RawHttp.send(this.port, "GET", path, new String[0], null));
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void staffPathsAreRefusedBeforeTheTokenIsLookedAt() {
		RawHttp.Response response = RawHttp.send(this.port, "GET", "/api/intake/%71ueue",
				new String[] { "Authorization: Bearer " + TOKENS.valid("INTAKE_AGENT") }, null);
		expectNonCanonical(response);
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void canonicalPathsStillReachTheService() {
		assertThat(RawHttp.send(this.port, "POST", "/api/intake/contact-requests", new String[0], CONTACT_REQUEST)
			.status()).isEqualTo(202);
		// characters that must be encoded, and trailing slashes, are canonical
		assertThat(RawHttp.send(this.port, "GET", "/api/content/articles/caf%C3%A9", new String[0], null).status())
			.isEqualTo(200);
		assertThat(RawHttp.send(this.port, "GET", "/api/content/articles/a%20b%40c%3f", new String[0], null).status())
			.isEqualTo(200);
		assertThat(RawHttp.send(this.port, "GET", "/api/content/articles/", new String[0], null).status())
			.isEqualTo(200);
		assertThat(INTAKE.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/api/intake/contact-requests"));
		assertThat(CONTENT.requests()).extracting((request) -> request.path())
			.containsExactly("/api/content/articles/caf%C3%A9", "/api/content/articles/a%20b%40c%3f",
					"/api/content/articles/");
	}

	@Test
	void unroutedCanonicalPathsAreStillNotFound() {
		assertThat(RawHttp.send(this.port, "GET", "/api/unknown", new String[0], null).status()).isEqualTo(404);
	}

	@Test
	void aNonCanonicalLinkIsNeitherRoutedNorLogged(CapturedOutput output) {
		expectNonCanonical(RawHttp.send(this.port, "GET", "/api/%61lerts/ack/secret-link-token", new String[0], null));
		expectNonCanonical(
				RawHttp.send(this.port, "GET", "/api/alerts;v=1/ack/other-secret-token", new String[0], null));
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> assertThat(output.getOut()).contains("GET [non-canonical path] 400 "));
		assertThat(output.getOut()).doesNotContain("secret-link-token").doesNotContain("other-secret-token");
		assertThat(allRequests()).isEmpty();
	}

	private static void expectNonCanonical(RawHttp.Response response) {
		assertThat(response.status()).as(response.head()).isEqualTo(400);
		assertThat(response.header("Content-Type")).as(response.head()).isEqualTo("application/problem+json");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{32}");
		assertThat(response.body())
			.contains("\"type\":\"https://treatment-network.example/problems/non-canonical-path\"")
			.contains("\"status\":400")
			.contains("\"title\":\"Address not in canonical form\"");
	}

}
