package org.treatmentnetwork.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.support.StaffTokens;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenValidation;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decoder that Spring Boot builds from the key location, with the staff-token checks
 * added: the configured clock skew is the only one, also when it is longer than Spring
 * Security's default of 60 s.
 */
class StaffTokenDecoderTests {

	private static final StaffTokens TOKENS = StaffTokens.create();

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveOAuth2ResourceServerAutoConfiguration.class))
		.withUserConfiguration(StaffTokenValidation.class)
		.withBean(SecurityWebFilterChain.class,
				() -> new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(),
						List.<WebFilter>of((exchange, chain) -> chain.filter(exchange))))
		.withPropertyValues(
				"spring.security.oauth2.resourceserver.jwt.public-key-location=" + TOKENS.publicKeyLocation(),
				"treatment-network.security.tokens.issuer=" + TestStaffTokens.ISSUER,
				"treatment-network.security.tokens.audience=" + TestStaffTokens.AUDIENCE);

	@Test
	void aSkewLongerThanSpringSecuritysDefaultIsHonoured() {
		String expiredNinetySecondsAgo = expiredSecondsAgo(90);
		this.runner.withPropertyValues("treatment-network.security.tokens.clock-skew=120s")
			.run((context) -> assertThat(
					context.getBean(ReactiveJwtDecoder.class).decode(expiredNinetySecondsAgo).block().getSubject())
				.isEqualTo("staff-42"));
	}

	@Test
	void aSkewShorterThanSpringSecuritysDefaultIsHonoured() {
		String expiredTwentySecondsAgo = expiredSecondsAgo(20);
		this.runner.withPropertyValues("treatment-network.security.tokens.clock-skew=5s")
			.run((context) -> assertThatExceptionOfType(JwtValidationException.class)
				.isThrownBy(() -> context.getBean(ReactiveJwtDecoder.class).decode(expiredTwentySecondsAgo).block()));
	}

	private static String expiredSecondsAgo(long seconds) {
		Instant now = Instant.now();
		return TOKENS.sign(TOKENS.claims("INTAKE_AGENT")
			.issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
			.notBeforeTime(Date.from(now.minus(Duration.ofMinutes(10))))
			.expirationTime(Date.from(now.minusSeconds(seconds)))
			.build());
	}

}
