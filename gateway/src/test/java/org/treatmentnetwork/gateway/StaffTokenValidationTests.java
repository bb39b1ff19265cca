package org.treatmentnetwork.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.treatmentnetwork.gateway.support.StaffTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule a staff token must meet besides its signature, one token per rule, all signed
 * by the trusted key and sent through the gateway's real HTTP port: issuer, audience,
 * {@code exp} required, expiry and {@code nbf} with the 30 s clock skew, the 12 h maximum
 * lifetime and a non-blank {@code sub}. A refused token never reaches a service.
 */
class StaffTokenValidationTests extends GatewayTestSupport {

	private static final String ROLE = "INTAKE_AGENT";

	@Test
	void aValidTokenIsAccepted() {
		expectAccepted(TOKENS.sign(TOKENS.claims(ROLE).build()));
	}

	@Test
	void aTwelveHourTokenLikeTheLaunchersIsAccepted() {
		Instant now = Instant.now();
		expectAccepted(TOKENS.sign(TOKENS.claims(ROLE).expirationTime(at(now.plus(Duration.ofHours(12)))).build()));
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() {
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE).issuer("https://attacker.example").build()));
	}

	@Test
	void aTokenWithoutIssuerIsRefused() {
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE).issuer(null).build()));
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() {
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE).audience("another-network").build()));
	}

	@Test
	void aTokenWithoutAudienceIsRefused() {
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE).audience((String) null).build()));
	}

	@Test
	void aTokenForSeveralAudiencesIncludingOursIsAccepted() {
		expectAccepted(
				TOKENS.sign(TOKENS.claims(ROLE).audience(List.of("staff-portal", StaffTokens.AUDIENCE)).build()));
	}

	@Test
	void aTokenWithoutExpiryIsRefused() {
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE).expirationTime(null).build()));
	}

	@Test
	void aTokenExpiredBeyondTheClockSkewIsRefused() {
		Instant now = Instant.now();
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE)
			.issueTime(at(now.minus(Duration.ofMinutes(10))))
			.notBeforeTime(at(now.minus(Duration.ofMinutes(10))))
			.expirationTime(at(now.minusSeconds(45)))
			.build()));
	}

	@Test
	void aTokenExpiredWithinTheClockSkewIsAccepted() {
		Instant now = Instant.now();
		expectAccepted(TOKENS.sign(TOKENS.claims(ROLE)
			.issueTime(at(now.minus(Duration.ofMinutes(10))))
			.notBeforeTime(at(now.minus(Duration.ofMinutes(10))))
			.expirationTime(at(now.minusSeconds(10)))
			.build()));
	}

	@Test
	void aTokenValidForLongerThanTheMaximumIsRefused() {
		Instant now = Instant.now();
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE)
			.expirationTime(at(now.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(5))))
			.build()));
	}

	@Test
	void aTokenIssuedLongAgoWithALifetimeAboveTheMaximumIsRefused() {
		Instant now = Instant.now();
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE)
			.issueTime(at(now.minus(Duration.ofHours(24))))
			.notBeforeTime(at(now.minus(Duration.ofHours(24))))
			.expirationTime(at(now.plus(Duration.ofMinutes(5))))
			.build()));
	}

	@Test
	void aTokenWithoutIssueTimeEndingBeyondTheMaximumIsRefused() {
		Instant now = Instant.now();
		expectRefused(TOKENS
			.sign(TOKENS.claims(ROLE).issueTime(null).expirationTime(at(now.plus(Duration.ofHours(13)))).build()));
	}

	@Test
	void aTokenNotYetValidBeyondTheClockSkewIsRefused() {
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE).notBeforeTime(at(Instant.now().plusSeconds(45))).build()));
	}

	@Test
	void aTokenNotYetValidWithinTheClockSkewIsAccepted() {
		expectAccepted(TOKENS.sign(TOKENS.claims(ROLE).notBeforeTime(at(Instant.now().plusSeconds(10))).build()));
	}

	@Test
	void aTokenWithoutSubjectIsRefused() {
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE).subject(null).build()));
	}

	@Test
	void aTokenWithABlankSubjectIsRefused() {
		expectRefused(TOKENS.sign(TOKENS.claims(ROLE).subject("  ").build()));
	}

	private void expectAccepted(String token) {
		this.gateway.get()
			.uri("/api/intake/queue")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		assertThat(INTAKE.requests()).singleElement()
			.satisfies((request) -> assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION))
				.isEqualTo("Bearer " + token));
	}

	private void expectRefused(String token) {
		String body = this.gateway.get()
			.uri("/api/intake/queue")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"status\":401").doesNotContain(token).doesNotContain(token.split("\\.")[1]);
		assertThat(allRequests()).isEmpty();
	}

	private static Date at(Instant instant) {
		return Date.from(instant);
	}

}
