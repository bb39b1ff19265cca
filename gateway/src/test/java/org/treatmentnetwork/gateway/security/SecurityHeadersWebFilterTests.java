package org.treatmentnetwork.gateway.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HSTS follows its configuration; HTML never leaves without a strict policy.
 */
class SecurityHeadersWebFilterTests {

	private static final String HTML_POLICY = "default-src 'none'; form-action 'self'";

	private static final String API_POLICY = "default-src 'none'";

	@Test
	void hstsCanBeTunedOrSwitchedOff() {
		HttpHeaders preload = answer(new SecurityHeadersProperties.Hsts(true, Duration.ofDays(730), false, true),
				MediaType.APPLICATION_JSON, null);
		assertThat(preload.getFirst("Strict-Transport-Security")).isEqualTo("max-age=63072000; preload");
		HttpHeaders off = answer(new SecurityHeadersProperties.Hsts(false, Duration.ofDays(365), true, false),
				MediaType.APPLICATION_JSON, null);
		assertThat(off.containsHeader("Strict-Transport-Security")).isFalse();
	}

	@Test
	void htmlPoliciesThatDoNotStartFromNothingAreReplaced() {
		assertThat(csp(MediaType.TEXT_HTML, null)).isEqualTo(HTML_POLICY);
		assertThat(csp(MediaType.TEXT_HTML, "script-src 'self'")).isEqualTo(HTML_POLICY);
		assertThat(csp(MediaType.APPLICATION_XHTML_XML, "default-src *")).isEqualTo(HTML_POLICY);
		assertThat(csp(MediaType.TEXT_HTML, "default-src 'none'; style-src 'sha256-x'"))
			.isEqualTo("default-src 'none'; style-src 'sha256-x'");
	}

	@Test
	void otherAnswersKeepTheirOwnPolicyOrGetTheApiPolicy() {
		assertThat(csp(MediaType.APPLICATION_JSON, null)).isEqualTo(API_POLICY);
		assertThat(csp(MediaType.APPLICATION_JSON, "sandbox")).isEqualTo("sandbox");
	}

	private static String csp(MediaType type, String servicePolicy) {
		return answer(new SecurityHeadersProperties.Hsts(true, Duration.ofDays(365), true, false), type, servicePolicy)
			.getFirst("Content-Security-Policy");
	}

	private static HttpHeaders answer(SecurityHeadersProperties.Hsts hsts, MediaType type, String servicePolicy) {
		SecurityHeadersWebFilter filter = new SecurityHeadersWebFilter(
				new SecurityHeadersProperties(hsts, HTML_POLICY, API_POLICY, "default-src 'none'; script-src 'self'"));
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/alerts/ack/x"));
		StepVerifier.create(filter.filter(exchange, (filtered) -> {
			filtered.getResponse().getHeaders().setContentType(type);
			if (servicePolicy != null) {
				filtered.getResponse().getHeaders().set("Content-Security-Policy", servicePolicy);
			}
			return filtered.getResponse().setComplete();
		})).verifyComplete();
		return exchange.getResponse().getHeaders();
	}

}
