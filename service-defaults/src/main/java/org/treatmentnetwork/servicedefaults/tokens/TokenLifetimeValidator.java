package org.treatmentnetwork.servicedefaults.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token valid for longer than the maximum lifetime: one whose {@code exp} lies
 * further than the maximum (plus the clock skew) ahead, and one whose {@code exp - iat}
 * is longer than the maximum even if it ends soon. A token without {@code exp} is left to
 * the timestamp check, which refuses it.
 */
public final class TokenLifetimeValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error TOO_LONG = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token is valid for longer than allowed", null);

	private final Duration maxLifetime;

	private final Duration clockSkew;

	private final Clock clock;

	public TokenLifetimeValidator(Duration maxLifetime, Duration clockSkew, Clock clock) {
		this.maxLifetime = maxLifetime;
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt == null) {
			return OAuth2TokenValidatorResult.success();
		}
		Instant latestExpiry = this.clock.instant().plus(this.maxLifetime).plus(this.clockSkew);
		Instant issuedAt = token.getIssuedAt();
		boolean tooLong = expiresAt.isAfter(latestExpiry)
				|| (issuedAt != null && Duration.between(issuedAt, expiresAt).compareTo(this.maxLifetime) > 0);
		return tooLong ? OAuth2TokenValidatorResult.failure(TOO_LONG) : OAuth2TokenValidatorResult.success();
	}

}
