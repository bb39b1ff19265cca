package org.treatmentnetwork.localstack.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The local stack's development signing key and the staff tokens signed with it. The key
 * pair is made on first use under the stack's data folder, so no signing key is ever
 * committed; the services are given only the public half.
 */
public final class DevTokens {

	/**
	 * The {@code iss} claim of development tokens; the launcher gives it to every service
	 * as {@code STAFF_TOKEN_ISSUER}.
	 */
	public static final String ISSUER = "treatment-network-local";

	/**
	 * The {@code aud} claim of development tokens; the launcher gives it to every service
	 * as {@code STAFF_TOKEN_AUDIENCE}.
	 */
	public static final String AUDIENCE = "treatment-network";

	/** The roles of the suite's contract. */
	public static final Set<String> ROLES = Set.of("EDITOR", "INTAKE_AGENT", "ON_CALL", "SUPERVISOR");

	private static final Duration LIFETIME = Duration.ofHours(12);

	private final Path keyDir;

	public DevTokens(Path keyDir) {
		this.keyDir = keyDir;
	}

	public Path publicKeyFile() {
		return this.keyDir.resolve("jwt-public.pem");
	}

	Path privateKeyFile() {
		return this.keyDir.resolve("jwt-private.pem");
	}

	/**
	 * Makes the key pair unless it already exists.
	 * @return the public key file to hand to the services
	 */
	public synchronized Path ensureKeyPair() {
		if (Files.exists(privateKeyFile()) && Files.exists(publicKeyFile())) {
			return publicKeyFile();
		}
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			Files.createDirectories(this.keyDir);
			Files.writeString(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
			Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
			return publicKeyFile();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot make the development key pair", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Signs a staff token.
	 * @param user the staff id ({@code sub})
	 * @param roles the contract roles
	 * @return a compact JWT
	 */
	public String issue(String user, List<String> roles) {
		return issue(user, roles, Instant.now(), LIFETIME);
	}

	/**
	 * Signs a staff token with an explicit issue time and lifetime (an expired token for
	 * a test, for example).
	 * @param user the staff id ({@code sub})
	 * @param roles the contract roles
	 * @param issuedAt when the token was issued
	 * @param lifetime how long it is valid
	 * @return a compact JWT
	 */
	public String issue(String user, List<String> roles, Instant issuedAt, Duration lifetime) {
		return sign(claims(user, roles, issuedAt, lifetime).build());
	}

	/**
	 * The claims of a staff token: {@code sub}, {@code roles}, {@code iss}, {@code aud},
	 * {@code iat}, {@code nbf}, {@code exp} and {@code jti}. A test may change one before
	 * signing (a claim set to {@code null} is left out).
	 * @param user the staff id ({@code sub})
	 * @param roles the contract roles
	 * @param issuedAt when the token was issued ({@code iat} and {@code nbf})
	 * @param lifetime how long it is valid
	 * @return the claims, ready for {@link #sign(JWTClaimsSet)}
	 */
	public JWTClaimsSet.Builder claims(String user, List<String> roles, Instant issuedAt, Duration lifetime) {
		if (user == null || user.isBlank()) {
			throw new IllegalArgumentException("a user id is required");
		}
		for (String role : roles) {
			if (!ROLES.contains(role)) {
				throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + ROLES);
			}
		}
		return new JWTClaimsSet.Builder().subject(user)
			.issuer(ISSUER)
			.audience(AUDIENCE)
			.claim("roles", roles)
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(lifetime)))
			.jwtID(UUID.randomUUID().toString());
	}

	/**
	 * Signs claims with the development key (RS256).
	 * @param claims the claims
	 * @return a compact JWT
	 */
	public String sign(JWTClaimsSet claims) {
		ensureKeyPair();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("local-dev").build(), claims);
		try {
			jwt.sign(new RSASSASigner(privateKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign the token", ex);
		}
		return jwt.serialize();
	}

	private RSAPrivateKey privateKey() {
		try {
			String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			byte[] der = Base64.getDecoder().decode(base64);
			return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot read the development key", ex);
		}
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

}
