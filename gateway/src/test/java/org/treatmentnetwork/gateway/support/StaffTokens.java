package org.treatmentnetwork.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;

/**
 * The staff tokens of the gateway's tests, all for staff member {@code staff-42}: signed
 * with the run's {@link TestStaffTokens#shared() shared key}, whose public key
 * {@link #publicKeyLocation()} gives for
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, and the refused
 * kinds the gateway's tests send (expired, forged, from another issuer).
 */
public final class StaffTokens {

	private static final String STAFF_ID = "staff-42";

	private final TestStaffTokens trusted = TestStaffTokens.shared();

	private final TestStaffTokens untrusted = TestStaffTokens.generate();

	private StaffTokens() {
	}

	public static StaffTokens create() {
		return new StaffTokens();
	}

	public String publicKeyLocation() {
		return this.trusted.publicKeyLocation();
	}

	/**
	 * A valid token for a staff member.
	 * @param roles the staff roles
	 * @return the signed token
	 */
	public String valid(String... roles) {
		return sign(claims(roles).build());
	}

	/**
	 * A correctly signed token that expired ten minutes ago (beyond any clock skew).
	 * @param roles the staff roles
	 * @return the signed token
	 */
	public String expired(String... roles) {
		Instant now = Instant.now();
		return sign(claims(roles).issueTime(Date.from(now.minus(Duration.ofMinutes(25))))
			.notBeforeTime(Date.from(now.minus(Duration.ofMinutes(25))))
			.expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))
			.build());
	}

	/**
	 * A token with the right shape signed by a key the gateway does not trust.
	 * @param roles the staff roles
	 * @return the signed token
	 */
	public String forged(String... roles) {
		return this.untrusted.sign(claims(roles).build());
	}

	/**
	 * A correctly signed, unexpired token from an issuer the gateway does not trust.
	 * @param roles the staff roles
	 * @return the signed token
	 */
	public String wrongIssuer(String... roles) {
		return sign(claims(roles).issuer("https://login.attacker.example").build());
	}

	/**
	 * The claims of a valid token, for a test to change one of them (a claim set to
	 * {@code null} is left out).
	 * @param roles the staff roles
	 * @return the claims, ready to sign with {@link #sign(JWTClaimsSet)}
	 */
	public JWTClaimsSet.Builder claims(String... roles) {
		return this.trusted.claims(STAFF_ID, roles);
	}

	/**
	 * Signs claims with the key the gateway trusts.
	 * @param claims the claims
	 * @return the signed token
	 */
	public String sign(JWTClaimsSet claims) {
		return this.trusted.sign(claims);
	}

}
