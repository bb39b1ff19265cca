package org.treatmentnetwork.servicedefaults.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter;

/**
 * A chain built on the common settings: no token, a rejected token and a missing role are
 * problem+json with their challenges, nothing of the token is echoed, a valid token with
 * the role passes, and a POST needs no CSRF token.
 */
class StaffApiSecurityTests {

	private static final String PROBLEMS = "https://treatment-network.example/problems/";

	private AnnotationConfigApplicationContext context;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.context = new AnnotationConfigApplicationContext(ChainConfiguration.class);
		this.client = WebTestClient.bindToApplicationContext(this.context).configureClient().build();
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void withoutATokenIsUnauthorizedWithABearerChallenge() {
		this.client.get()
			.uri("/staff")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.isEqualTo(ProblemAuthenticationEntryPoint.MISSING)
			.jsonPath("$.instance")
			.isEqualTo("/staff");
	}

	@Test
	void aRejectedTokenIsUnauthorizedAsInvalidTokenWithoutEchoingIt() {
		String body = this.client.get()
			.uri("/staff")
			.headers((headers) -> headers.setBearerAuth("forged-token-value"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		org.assertj.core.api.Assertions.assertThat(body)
			.contains(ProblemAuthenticationEntryPoint.INVALID)
			.contains(PROBLEMS + "unauthorized")
			.doesNotContain("forged-token-value");
	}

	@Test
	void aValidTokenWithoutTheRoleIsForbidden() {
		this.client.get()
			.uri("/staff")
			.headers((headers) -> headers.setBearerAuth("reader"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "forbidden")
			.jsonPath("$.status")
			.isEqualTo(403)
			.jsonPath("$.detail")
			.isEqualTo(ProblemAccessDeniedHandler.DETAIL);
	}

	@Test
	void aValidTokenWithTheRolePassesAndAPostNeedsNoCsrfToken() {
		this.client.get()
			.uri("/staff")
			.headers((headers) -> headers.setBearerAuth("editor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Set-Cookie");
		this.client.post()
			.uri("/staff")
			.headers((headers) -> headers.setBearerAuth("editor"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	@EnableWebFluxSecurity
	static class ChainConfiguration {

		@Bean
		SecurityWebFilterChain chain(ServerHttpSecurity http) {
			return StaffApiSecurity.statelessBearerApi(http, new ProblemResponseWriter(JsonMapper.builder().build()))
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/staff").hasAuthority("SCOPE_editor"))
				.build();
		}

		/**
		 * Accepts the tokens {@code editor} and {@code reader} (whose scope is their
		 * name) and rejects any other.
		 */
		@Bean
		ReactiveJwtDecoder jwtDecoder() {
			return (token) -> {
				if (!List.of("editor", "reader").contains(token)) {
					return Mono.error(new BadJwtException("Malformed token " + token));
				}
				return Mono.just(Jwt.withTokenValue(token)
					.header("alg", "none")
					.subject("staff-1")
					.claim("scope", token)
					.issuedAt(Instant.now())
					.expiresAt(Instant.now().plusSeconds(60))
					.build());
			};
		}

		@Bean
		StaffController staffController() {
			return new StaffController();
		}

	}

	@RestController
	static class StaffController {

		@GetMapping("/staff")
		String read() {
			return "ok";
		}

		@PostMapping("/staff")
		String write() {
			return "ok";
		}

	}

}
