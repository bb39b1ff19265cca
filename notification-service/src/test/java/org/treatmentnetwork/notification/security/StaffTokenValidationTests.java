package org.treatmentnetwork.notification.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule a staff token must meet besides its signature, one token per rule, all signed
 * by the trusted test key and sent to the running service over HTTP: issuer, audience,
 * {@code exp} required, expiry and {@code nbf} with the 30 s clock skew, the 12 h maximum
 * lifetime and a non-blank {@code sub}. The service checks them itself, so a call that
 * bypasses the gateway meets the same rules.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureWebTestClient
@EmbeddedKafka(partitions = 1, topics = { "intake.contact-requests.v1", "intake.contact-requests.v1.DLT" })
class StaffTokenValidationTests {

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("notification-tokens"));
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
	}

	@BeforeEach
	void patientClient() {
		// the first requests of a new context can be slow on a loaded machine
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void aValidTokenIsAccepted() {
		expectAccepted(sign(valid()));
	}

	@Test
	void aTwelveHourTokenLikeTheLaunchersIsAccepted() {
		expectAccepted(sign(valid().expirationTime(at(Instant.now().plus(Duration.ofHours(12))))));
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() {
		expectRefused(sign(valid().issuer("https://attacker.example")));
	}

	@Test
	void aTokenWithoutIssuerIsRefused() {
		expectRefused(sign(valid().issuer(null)));
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() {
		expectRefused(sign(valid().audience("another-network")));
	}

	@Test
	void aTokenWithoutAudienceIsRefused() {
		expectRefused(sign(valid().audience((String) null)));
	}

	@Test
	void aTokenForSeveralAudiencesIncludingOursIsAccepted() {
		expectAccepted(sign(valid().audience(List.of("staff-portal", TestTokens.AUDIENCE))));
	}

	@Test
	void aTokenWithoutExpiryIsRefused() {
		expectRefused(sign(valid().expirationTime(null)));
	}

	@Test
	void aTokenExpiredBeyondTheClockSkewIsRefused() {
		expectRefused(sign(issuedTenMinutesAgo().expirationTime(at(Instant.now().minusSeconds(45)))));
	}

	@Test
	void aTokenExpiredWithinTheClockSkewIsAccepted() {
		expectAccepted(sign(issuedTenMinutesAgo().expirationTime(at(Instant.now().minusSeconds(10)))));
	}

	@Test
	void aTokenValidForLongerThanTheMaximumIsRefused() {
		expectRefused(sign(valid().expirationTime(at(Instant.now().plus(Duration.ofHours(12).plusMinutes(5))))));
	}

	@Test
	void aTokenIssuedLongAgoWithALifetimeAboveTheMaximumIsRefused() {
		Instant dayAgo = Instant.now().minus(Duration.ofHours(24));
		expectRefused(sign(valid().issueTime(at(dayAgo))
			.notBeforeTime(at(dayAgo))
			.expirationTime(at(Instant.now().plus(Duration.ofMinutes(5))))));
	}

	@Test
	void aTokenWithoutIssueTimeEndingBeyondTheMaximumIsRefused() {
		expectRefused(sign(valid().issueTime(null).expirationTime(at(Instant.now().plus(Duration.ofHours(13))))));
	}

	@Test
	void aTokenNotYetValidBeyondTheClockSkewIsRefused() {
		expectRefused(sign(valid().notBeforeTime(at(Instant.now().plusSeconds(45)))));
	}

	@Test
	void aTokenNotYetValidWithinTheClockSkewIsAccepted() {
		expectAccepted(sign(valid().notBeforeTime(at(Instant.now().plusSeconds(10)))));
	}

	@Test
	void aTokenWithoutSubjectIsRefused() {
		expectRefused(sign(valid().subject(null)));
	}

	@Test
	void aTokenWithABlankSubjectIsRefused() {
		expectRefused(sign(valid().subject("  ")));
	}

	private void expectAccepted(String token) {
		this.client.get()
			.uri("/api/alerts")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void expectRefused(String token) {
		String body = this.client.get()
			.uri("/api/alerts")
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
	}

	private static JWTClaimsSet.Builder issuedTenMinutesAgo() {
		Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
		return valid().issueTime(at(tenMinutesAgo)).notBeforeTime(at(tenMinutesAgo));
	}

	private static JWTClaimsSet.Builder valid() {
		return TestTokens.claims("avery-example", "ON_CALL");
	}

	private static String sign(JWTClaimsSet.Builder claims) {
		return TestTokens.sign(claims.build());
	}

	private static Date at(Instant instant) {
		return Date.from(instant);
	}

}
