package org.treatmentnetwork.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs staff tokens (RS256) with a key generated for the test run. The public key is
 * written as a PEM file for
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}.
 */
public final class StaffTokens {

	/** The issuer the gateway's tests trust. */
	public static final String ISSUER = "https://login.treatment-network.example";

	/** The audience the gateway's tests expect. */
	public static final String AUDIENCE = "treatment-network";

	private final RSAKey key;

	private final RSAKey otherKey;

	private final Path publicKeyFile;

	private StaffTokens() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("test").generate();
			this.otherKey = new RSAKeyGenerator(2048).keyID("test").generate();
			this.publicKeyFile = Files.createTempFile("gateway-test-jwt", ".pem");
			this.publicKeyFile.toFile().deleteOnExit();
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(this.key.toRSAPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Files.writeString(this.publicKeyFile, pem, StandardCharsets.US_ASCII);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static StaffTokens create() {
		return new StaffTokens();
	}

	public String publicKeyLocation() {
		return "file:" + this.publicKeyFile.toAbsolutePath();
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
		return sign(this.otherKey, claims(roles).build());
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
	 * The claims of a valid token, issued now for five minutes, for a test to change one
	 * of them (a claim set to {@code null} is left out).
	 * @param roles the staff roles
	 * @return the claims, ready to sign with {@link #sign(JWTClaimsSet)}
	 */
	public JWTClaimsSet.Builder claims(String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject("staff-42")
			.issuer(ISSUER)
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("roles", List.of(roles));
	}

	/**
	 * Signs claims with the key the gateway trusts.
	 * @param claims the claims
	 * @return the signed token
	 */
	public String sign(JWTClaimsSet claims) {
		return sign(this.key, claims);
	}

	private String sign(RSAKey signingKey, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
