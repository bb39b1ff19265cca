package org.treatmentnetwork.servicedefaults.tokens;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The checks a staff token must pass after its signature. Spring Boot's resource-server
 * support adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder it builds from
 * {@code spring.security.oauth2.resourceserver.jwt.*}, whichever key source is set
 * ({@code public-key-location}, {@code jwk-set-uri} or {@code issuer-uri}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffTokenProperties.class)
public class StaffTokenValidation {

	/**
	 * {@code exp} required and {@code nbf} honoured, each with the configured clock skew.
	 * Being a {@link JwtTimestampValidator} itself, this one replaces Spring Security's
	 * default (60 s skew, {@code exp} optional) instead of running beside it.
	 * @param properties the token settings
	 * @return the validator
	 */
	@Bean
	JwtTimestampValidator staffTokenTimestampValidator(StaffTokenProperties properties) {
		JwtTimestampValidator validator = new JwtTimestampValidator(properties.clockSkew());
		validator.setAllowEmptyExpiryClaim(false);
		return validator;
	}

	/**
	 * The issuer, the audience, a non-blank {@code sub} (the staff id that audit records
	 * carry) and the maximum lifetime.
	 * @param properties the token settings
	 * @return the validator
	 */
	@Bean
	OAuth2TokenValidator<Jwt> staffTokenClaimsValidator(StaffTokenProperties properties) {
		return new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(properties.issuer()),
				new JwtAudienceValidator(properties.audience()),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, (subject) -> subject != null && !subject.isBlank()),
				new TokenLifetimeValidator(properties.maxLifetime(), properties.clockSkew(), Clock.systemUTC()));
	}

}
