package org.treatmentnetwork.servicedefaults.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a staff token must carry besides a good signature: the issuer and audience it must
 * name, the longest validity it may have and the clock skew allowed on its times. Issuer
 * and audience have no default: without them the application does not start, so a
 * misspelt setting can never switch a check off. The checks are in the constructor rather
 * than in bean-validation annotations for the same reason: they hold even where no
 * validator is on the class path.
 *
 * @param issuer the exact {@code iss} every token must carry ({@code STAFF_TOKEN_ISSUER})
 * @param audience the value the token's {@code aud} must contain
 * ({@code STAFF_TOKEN_AUDIENCE})
 * @param maxLifetime the longest a token may be valid: refused when {@code exp - iat}, or
 * {@code exp - now} beyond the clock skew, is longer ({@code STAFF_TOKEN_MAX_LIFETIME})
 * @param clockSkew the tolerance on {@code exp} and {@code nbf}
 * ({@code STAFF_TOKEN_CLOCK_SKEW})
 */
@ConfigurationProperties("treatment-network.security.tokens")
public record StaffTokenProperties(String issuer, String audience, @DefaultValue("12h") Duration maxLifetime,
		@DefaultValue("30s") Duration clockSkew) {

	private static final String PREFIX = "treatment-network.security.tokens.";

	public StaffTokenProperties {
		issuer = required(issuer, "issuer", "STAFF_TOKEN_ISSUER", "the iss claim of staff tokens");
		audience = required(audience, "audience", "STAFF_TOKEN_AUDIENCE", "a value of the aud claim of staff tokens");
		if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()) {
			throw new IllegalArgumentException(PREFIX + "max-lifetime (STAFF_TOKEN_MAX_LIFETIME) must be positive");
		}
		if (clockSkew == null || clockSkew.isNegative()) {
			throw new IllegalArgumentException(PREFIX + "clock-skew (STAFF_TOKEN_CLOCK_SKEW) must not be negative");
		}
	}

	private static String required(String value, String property, String variable, String meaning) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(
					PREFIX + property + " (" + variable + ") must be set: " + meaning + "; there is no default");
		}
		return value.strip();
	}

}
