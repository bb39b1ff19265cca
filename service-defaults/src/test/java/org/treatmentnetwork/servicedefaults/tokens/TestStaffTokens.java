package org.treatmentnetwork.servicedefaults.tokens;

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
 * A test-only RSA key pair for the staff tokens of every service's tests: the public key
 * as a PEM file for
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, and RS256 tokens
 * signed with the private key, shaped like the suite's real tokens (issuer, audience,
 * {@code roles}, {@code iat}, {@code nbf}, {@code exp} and {@code sub}).
 * <p>
 * {@link #shared()} is the one key of the test run that the applications under test
 * trust; {@link #generate()} makes another, for instance to sign a token the application
 * must refuse because no trusted key signed it.
 */
public final class TestStaffTokens {

	/**
	 * The issuer the tests' settings trust
	 * ({@code treatment-network.security.tokens.issuer}).
	 */
	public static final String ISSUER = "https://identity.test.treatment-network.example";

	/**
	 * The audience the tests' settings expect
	 * ({@code treatment-network.security.tokens.audience}).
	 */
	public static final String AUDIENCE = "treatment-network";

	/** How long a token of {@link #claims(String, String...)} is valid. */
	public static final Duration LIFETIME = Duration.ofMinutes(10);

	private static final TestStaffTokens SHARED = generate();

	private final KeyPair keys;

	private final Path publicKeyFile;

	private TestStaffTokens(KeyPair keys, Path publicKeyFile) {
		this.keys = keys;
		this.publicKeyFile = publicKeyFile;
	}

	/**
	 * The key generated once per JVM, which the tests' applications trust.
	 * @return the shared key
	 */
	public static TestStaffTokens shared() {
		return SHARED;
	}

	/**
	 * A new key, its public half written to a new temporary file.
	 * @return the new key
	 */
	public static TestStaffTokens generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(keys.getPublic().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Path file = Files.createTempFile("staff-token-test-key-", ".pem");
			file.toFile().deleteOnExit();
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
			return new TestStaffTokens(keys, file);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The location of the public key.
	 * @return the location, for
	 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}
	 */
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
	 * The claims of a valid token, issued now for {@link #LIFETIME}, for a test to change
	 * one of them (a claim set to {@code null} is left out).
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
			.expirationTime(Date.from(now.plus(LIFETIME)));
	}

	/**
	 * Signs claims with this key.
	 * @param claims the claims
	 * @return the signed compact JWT
	 */
	public String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(this.keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
