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
		return sign(this.key, Instant.now().plus(Duration.ofMinutes(5)), roles);
	}

	/**
	 * A correctly signed token that expired ten minutes ago (beyond any clock skew).
	 * @param roles the staff roles
	 * @return the signed token
	 */
	public String expired(String... roles) {
		return sign(this.key, Instant.now().minus(Duration.ofMinutes(10)), roles);
	}

	/**
	 * A token with the right shape signed by a key the gateway does not trust.
	 * @param roles the staff roles
	 * @return the signed token
	 */
	public String forged(String... roles) {
		return sign(this.otherKey, Instant.now().plus(Duration.ofMinutes(5)), roles);
	}

	/**
	 * A correctly signed, unexpired token from an issuer the gateway does not trust.
	 * @param roles the staff roles
	 * @return the signed token
	 */
	public String wrongIssuer(String... roles) {
		return sign(this.key, "https://login.attacker.example", Instant.now().plus(Duration.ofMinutes(5)), roles);
	}

	private String sign(RSAKey signingKey, Instant expiresAt, String... roles) {
		return sign(signingKey, ISSUER, expiresAt, roles);
	}

	private String sign(RSAKey signingKey, String issuer, Instant expiresAt, String... roles) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("staff-42")
			.issuer(issuer)
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(expiresAt))
			.claim("roles", List.of(roles))
			.build();
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
