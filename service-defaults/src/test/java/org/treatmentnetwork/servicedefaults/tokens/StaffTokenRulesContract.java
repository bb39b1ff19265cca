package org.treatmentnetwork.servicedefaults.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves over HTTP, against the running application, that it applies each rule a staff
 * token must meet besides its signature: one token per rule, all signed by the trusted
 * {@link TestStaffTokens#shared()} key and sent to one protected endpoint: the exact
 * issuer, the audience (one of several is enough), {@code exp} required, expiry and
 * {@code nbf} with the 30 s clock skew, the 12 h maximum lifetime (also for a token
 * without {@code iat}) and a non-blank {@code sub}. An accepted token gets the endpoint's
 * own answer; a refused one gets {@code 401} {@code application/problem+json} with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} and a body that echoes nothing
 * of the token.
 * <p>
 * Each service's {@code StaffTokenValidationTests} implements it on its own
 * {@code @SpringBootTest} on a real port, with the shared key's
 * {@link TestStaffTokens#publicKeyLocation() public key} and the default token settings
 * ({@link TestStaffTokens#ISSUER}, {@link TestStaffTokens#AUDIENCE}, 12 h, 30 s). It is
 * an interface, not a class, so that a test which already extends its application's test
 * support class can implement it too.
 */
public interface StaffTokenRulesContract {

	/**
	 * The client of the running application.
	 * @return a client on the application's HTTP port
	 */
	WebTestClient client();

	/**
	 * An endpoint that needs a staff token, read with {@code GET}.
	 * @return its path, with any query
	 */
	String protectedPath();

	/**
	 * What the endpoint answers to a valid token with the roles of
	 * {@link #validClaims()}.
	 * @return the status
	 */
	HttpStatus acceptedStatus();

	/**
	 * The claims of a valid token with a role the endpoint admits, for each test to
	 * change one of them.
	 * @return new claims from {@link TestStaffTokens#claims(String, String...)} of the
	 * shared key
	 */
	JWTClaimsSet.Builder validClaims();

	/**
	 * What else an accepted token must lead to (by default nothing).
	 * @param token the token that was accepted
	 */
	default void afterAccepted(String token) {
	}

	/**
	 * What else a refused token must lead to (by default nothing).
	 * @param token the token that was refused
	 */
	default void afterRefused(String token) {
	}

	@Test
	default void aValidTokenIsAccepted() {
		expectAccepted(sign(validClaims()));
	}

	@Test
	default void aTwelveHourTokenLikeTheLaunchersIsAccepted() {
		expectAccepted(sign(validClaims().expirationTime(at(Instant.now().plus(Duration.ofHours(12))))));
	}

	@Test
	default void aTokenFromAnotherIssuerIsRefused() {
		expectRefused(sign(validClaims().issuer("https://attacker.example")));
	}

	@Test
	default void aTokenWithoutIssuerIsRefused() {
		expectRefused(sign(validClaims().issuer(null)));
	}

	@Test
	default void aTokenForAnotherAudienceIsRefused() {
		expectRefused(sign(validClaims().audience("another-network")));
	}

	@Test
	default void aTokenWithoutAudienceIsRefused() {
		expectRefused(sign(validClaims().audience((String) null)));
	}

	@Test
	default void aTokenForSeveralAudiencesIncludingOursIsAccepted() {
		expectAccepted(sign(validClaims().audience(List.of("staff-portal", TestStaffTokens.AUDIENCE))));
	}

	@Test
	default void aTokenWithoutExpiryIsRefused() {
		expectRefused(sign(validClaims().expirationTime(null)));
	}

	@Test
	default void aTokenExpiredBeyondTheClockSkewIsRefused() {
		expectRefused(sign(issuedTenMinutesAgo().expirationTime(at(Instant.now().minusSeconds(45)))));
	}

	@Test
	default void aTokenExpiredWithinTheClockSkewIsAccepted() {
		expectAccepted(sign(issuedTenMinutesAgo().expirationTime(at(Instant.now().minusSeconds(10)))));
	}

	@Test
	default void aTokenValidForLongerThanTheMaximumIsRefused() {
		expectRefused(sign(validClaims().expirationTime(at(Instant.now().plus(Duration.ofHours(12).plusMinutes(5))))));
	}

	@Test
	default void aTokenIssuedLongAgoWithALifetimeAboveTheMaximumIsRefused() {
		Instant dayAgo = Instant.now().minus(Duration.ofHours(24));
		expectRefused(sign(validClaims().issueTime(at(dayAgo))
			.notBeforeTime(at(dayAgo))
			.expirationTime(at(Instant.now().plus(Duration.ofMinutes(5))))));
	}

	@Test
	default void aTokenWithoutIssueTimeEndingBeyondTheMaximumIsRefused() {
		expectRefused(sign(validClaims().issueTime(null).expirationTime(at(Instant.now().plus(Duration.ofHours(13))))));
	}

	@Test
	default void aTokenNotYetValidBeyondTheClockSkewIsRefused() {
		expectRefused(sign(validClaims().notBeforeTime(at(Instant.now().plusSeconds(45)))));
	}

	@Test
	default void aTokenNotYetValidWithinTheClockSkewIsAccepted() {
		expectAccepted(sign(validClaims().notBeforeTime(at(Instant.now().plusSeconds(10)))));
	}

	@Test
	default void aTokenWithoutSubjectIsRefused() {
		expectRefused(sign(validClaims().subject(null)));
	}

	@Test
	default void aTokenWithABlankSubjectIsRefused() {
		expectRefused(sign(validClaims().subject("  ")));
	}

	private void expectAccepted(String token) {
		client().get()
			.uri(protectedPath())
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(acceptedStatus());
		afterAccepted(token);
	}

	private void expectRefused(String token) {
		String body = client().get()
			.uri(protectedPath())
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
		afterRefused(token);
	}

	private JWTClaimsSet.Builder issuedTenMinutesAgo() {
		Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
		return validClaims().issueTime(at(tenMinutesAgo)).notBeforeTime(at(tenMinutesAgo));
	}

	private static String sign(JWTClaimsSet.Builder claims) {
		return TestStaffTokens.shared().sign(claims.build());
	}

	private static Date at(Instant instant) {
		return Date.from(instant);
	}

}
