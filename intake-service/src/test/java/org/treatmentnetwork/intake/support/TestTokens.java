package org.treatmentnetwork.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A test-only RSA key: its public half is written to a PEM file that the application
 * reads through {@code spring.security.oauth2.resourceserver.jwt.public-key-location},
 * and its private half signs tokens like the local stack's.
 */
public final class TestTokens {

	/**
	 * The issuer the tests' settings trust (src/test/resources/application.properties).
	 */
	public static final String ISSUER = "https://identity.treatment-network.example";

	/** The audience the tests' settings expect. */
	public static final String AUDIENCE = "treatment-network";

	private static final KeyPair KEYS = generate();

	private static final Path PUBLIC_KEY = writePublicKey();

	private TestTokens() {
	}

	/**
	 * @return the location of the public key, for the resource server property
	 */
	public static String publicKeyLocation() {
		return PUBLIC_KEY.toUri().toString();
	}

	/**
	 * @param subject the staff id
	 * @param roles the roles claim
	 * @return a signed, valid bearer token
	 */
	public static String token(String subject, String... roles) {
		return sign(claims(subject, roles).build());
	}

	/**
	 * The claims of a valid token, issued now for fifteen minutes, for a test to change
	 * one of them (a claim set to {@code null} is left out).
	 * @param subject the staff id
	 * @param roles the roles claim
	 * @return the claims, ready for {@link #sign(JWTClaimsSet)}
	 */
	public static JWTClaimsSet.Builder claims(String subject, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.audience(AUDIENCE)
			.claim("roles", List.of(roles))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
	}

	/**
	 * @param claims the claims
	 * @return the claims signed with the test key
	 */
	public static String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(KEYS.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path writePublicKey() {
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(KEYS.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		try {
			Path file = Files.createTempFile("intake-test-jwt", ".pem");
			file.toFile().deleteOnExit();
			return Files.writeString(file, pem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
