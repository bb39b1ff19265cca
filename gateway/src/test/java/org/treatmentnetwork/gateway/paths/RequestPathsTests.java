package org.treatmentnetwork.gateway.paths;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which written paths are canonical, and that the shared patterns match a path as routing
 * parses it.
 */
class RequestPathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/intake/contact-requests", "/api/content/articles/", "/api/content/caf%C3%A9",
			"/api/content/caf%c3%a9", "/api/content/a%20b", "/api/content/a%40b%3F", "/api/content/a:b@c!$&'()*+,=",
			"/api/alerts/ack/eyJhbGciOi.sig_-~", "/api/content/..x", "/api/content/.hidden" })
	void canonical(String path) {
		assertThat(RequestPaths.isCanonical(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "api/content", "*", "/api/%63ontent", "/api/content%2Farticles", "/api/content%2f",
			"/api/content%5C", "/api/content\\x", "/api/content;x=1", "/api/content%3Bx", "/api/content%3b", "//api",
			"/api//content", "/api/./content", "/api/../content", "/api/content/..", "/api/content/.", "/api/%2E%2E/x",
			"/api/%2e", "/api/%2563", "/api/%00", "/api/%1F", "/api/%7F", "/api/%", "/api/%4", "/api/%G1", "/api/a b",
			"/api/a\"b", "/api/a<b>", "/api/a{b}", "/api/a|b", "/api/a^b", "/api/a`b", "/api/é", "/api/%7E", "/api/%5F",
			"/api/%2D", "/api/%30" })
	void notCanonical(String path) {
		assertThat(RequestPaths.isCanonical(path)).isFalse();
	}

	private static MockServerHttpRequest request(String rawPath) {
		return MockServerHttpRequest.method(HttpMethod.POST, URI.create(rawPath)).build();
	}

	@Test
	void patternsMatchTheDecodedPathWithoutParameters() {
		// what routing and security see; the gateway refuses these before anything
		// else, so every filter agrees with routing even if one slipped through
		assertThat(RequestPaths.matches(RequestPaths.CONTACT_REQUESTS, request("/api/intake/%63ontact-requests")))
			.isTrue();
		assertThat(RequestPaths.matches(RequestPaths.CONTACT_REQUESTS, request("/api/intake/contact-requests;x=1")))
			.isTrue();
		assertThat(RequestPaths.matches(RequestPaths.INTAKE, request("/api/%69ntake/contact-requests"))).isTrue();
		assertThat(RequestPaths.isServed(request("/api/%61lerts/x"))).isTrue();
		assertThat(RequestPaths.isServed(request("/api/unknown"))).isFalse();
	}

}
