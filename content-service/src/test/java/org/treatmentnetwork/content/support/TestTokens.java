package org.treatmentnetwork.content.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
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
 * A test-only RSA key pair: the public key as a PEM file for
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, and RS256 staff
 * tokens signed with the private key, shaped like the suite's real tokens (issuer,
 * audience, {@code iat}, {@code nbf}, {@code exp} and {@code sub}).
 */
public final class TestTokens {

	/**
	 * The issuer the tests' settings trust (src/test/resources/application.properties).
	 */
	public static final String ISSUER = "https://identity.test.treatment-network.example";

	/** The audience the tests' settings expect. */
	public static final String AUDIENCE = "treatment-network";

	private final RSAPrivateKey privateKey;

	private final Path publicKeyFile;

	private TestTokens(RSAPrivateKey privateKey, Path publicKeyFile) {
		this.privateKey = privateKey;
		this.publicKeyFile = publicKeyFile;
	}

	public static TestTokens generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(pair.getPublic().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Path file = Files.createTempFile("content-test-jwt-", ".pem");
			file.toFile().deleteOnExit();
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
			return new TestTokens((RSAPrivateKey) pair.getPrivate(), file);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String publicKeyLocation() {
		return this.publicKeyFile.toUri().toString();
	}

	/**
	 * A valid bearer token for a staff member.
	 * @param subject the staff id
	 * @param roles the roles claim
	 * @return the signed compact JWT
	 */
	public String token(String subject, String... roles) {
		return sign(claims(subject, roles).build());
	}

	/**
	 * The claims of a valid token, issued now for ten minutes, for a test to change one
	 * of them (a claim set to {@code null} is left out).
	 * @param subject the staff id
	 * @param roles the roles claim
	 * @return the claims, ready for {@link #sign(JWTClaimsSet)}
	 */
	public JWTClaimsSet.Builder claims(String subject, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.audience(AUDIENCE)
			.claim("roles", List.of(roles))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
	}

	/**
	 * Signs claims with the test key.
	 * @param claims the claims
	 * @return the signed compact JWT
	 */
	public String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(this.privateKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
