package org.treatmentnetwork.servicedefaults.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule the validators of {@link StaffTokenValidation} apply, one claim set per rule,
 * through the beans a service gets. Every service also proves over HTTP, with signed
 * tokens, that it applies them.
 */
class StaffTokenValidationTests {

	private static final String ISSUER = "https://login.example.org";

	private static final String AUDIENCE = "staff-api";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StaffTokenValidation.class)
		.withPropertyValues("treatment-network.security.tokens.issuer=" + ISSUER,
				"treatment-network.security.tokens.audience=" + AUDIENCE);

	@Test
	void aValidTokenPasses() {
		expect(true, UnaryOperator.identity());
	}

	@Test
	void aTwelveHourTokenPasses() {
		Instant now = Instant.now();
		expect(true, (token) -> token.issuedAt(now).expiresAt(now.plus(Duration.ofHours(12))));
	}

	@Test
	void anotherIssuerFails() {
		expect(false, (token) -> token.issuer("https://attacker.example"));
	}

	@Test
	void anotherAudienceFails() {
		expect(false, (token) -> token.audience(List.of("another-api")));
	}

	@Test
	void oneOfSeveralAudiencesIsEnough() {
		expect(true, (token) -> token.audience(List.of("another-api", AUDIENCE)));
	}

	@Test
	void aBlankSubjectFails() {
		expect(false, (token) -> token.subject(" "));
	}

	@Test
	void anExpiredTokenFailsBeyondTheClockSkew() {
		Instant now = Instant.now();
		expect(false, (token) -> token.issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.minusSeconds(31)));
		expect(true, (token) -> token.issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.minusSeconds(20)));
	}

	@Test
	void aTokenNotYetValidFails() {
		expect(false, (token) -> token.notBefore(Instant.now().plus(Duration.ofMinutes(5))));
	}

	@Test
	void aTokenValidForLongerThanTheMaximumFails() {
		Instant now = Instant.now();
		expect(false, (token) -> token.issuedAt(now).expiresAt(now.plus(Duration.ofHours(13))));
	}

	@Test
	void aTokenIssuedLongAgoForTooLongFailsEvenWhenItEndsSoon() {
		Instant now = Instant.now();
		expect(false,
				(token) -> token.issuedAt(now.minus(Duration.ofHours(20))).expiresAt(now.plus(Duration.ofMinutes(5))));
	}

	private void expect(boolean valid, UnaryOperator<Jwt.Builder> change) {
		Instant now = Instant.now();
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject("nurse-1")
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofHours(1)));
		Jwt token = change.apply(builder).build();
		this.runner.run((context) -> {
			List<OAuth2TokenValidator<Jwt>> validators = context.getBeanProvider(OAuth2TokenValidator.class)
				.orderedStream()
				.map((validator) -> (OAuth2TokenValidator<Jwt>) validator)
				.toList();
			assertThat(validators).hasSize(2);
			boolean passed = !new DelegatingOAuth2TokenValidator<>(validators).validate(token).hasErrors();
			assertThat(passed).as("token valid").isEqualTo(valid);
		});
	}

}
