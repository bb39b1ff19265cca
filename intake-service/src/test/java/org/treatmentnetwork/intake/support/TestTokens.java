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
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("https://identity.treatment-network.example")
			.claim("roles", List.of(roles))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
			.build();
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
