package org.treatmentnetwork.localstack.tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokensTests {

	@TempDir
	Path keys;

	@Test
	void tokensVerifyWithThePublicKeyGivenToTheServices() throws Exception {
		DevTokens tokens = new DevTokens(this.keys);
		SignedJWT jwt = SignedJWT.parse(tokens.issue("nurse-1", List.of("ON_CALL", "SUPERVISOR")));

		assertThat(jwt.verify(new RSASSAVerifier(publicKey(tokens.publicKeyFile())))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("nurse-1");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("ON_CALL", "SUPERVISOR");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(DevTokens.ISSUER);
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new java.util.Date());
	}

	@Test
	void tokensCarryEveryClaimTheServicesRequire() throws Exception {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		JWTClaimsSet claims = SignedJWT.parse(new DevTokens(this.keys).issue("nurse-1", List.of("ON_CALL")))
			.getJWTClaimsSet();

		assertThat(claims.getIssuer()).isEqualTo("treatment-network-local");
		assertThat(claims.getAudience()).containsExactly("treatment-network");
		assertThat(claims.getSubject()).isEqualTo("nurse-1");
		Instant issuedAt = claims.getIssueTime().toInstant();
		assertThat(issuedAt).isBetween(before, Instant.now());
		assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(issuedAt);
		// twelve hours: the services' default maximum lifetime
		assertThat(Duration.between(issuedAt, claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(12));
		assertThat(claims.getJWTID()).isNotBlank();
	}

	@Test
	void testsCanSignChangedClaimsWithTheSameKey() throws Exception {
		DevTokens tokens = new DevTokens(this.keys);
		SignedJWT jwt = SignedJWT
			.parse(tokens.sign(tokens.claims("nurse-1", List.of("ON_CALL"), Instant.now(), Duration.ofMinutes(5))
				.issuer(null)
				.build()));

		assertThat(jwt.verify(new RSASSAVerifier(publicKey(tokens.publicKeyFile())))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isNull();
		assertThat(jwt.getPayload().toString()).doesNotContain("\"iss\"");
	}

	@Test
	void theKeyPairIsMadeOnceAndKept() throws Exception {
		DevTokens tokens = new DevTokens(this.keys);
		tokens.ensureKeyPair();
		String first = Files.readString(tokens.publicKeyFile());
		new DevTokens(this.keys).ensureKeyPair();
		assertThat(Files.readString(tokens.publicKeyFile())).isEqualTo(first);
	}

	@Test
	void anExpiredTokenCanBeMadeForTests() throws Exception {
		DevTokens tokens = new DevTokens(this.keys);
		SignedJWT jwt = SignedJWT
			.parse(tokens.issue("nurse-1", List.of("ON_CALL"), Instant.now().minusSeconds(7200), Duration.ofHours(1)));
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isBefore(new java.util.Date());
	}

	@Test
	void unknownRolesAndMissingUsersAreRefused() {
		DevTokens tokens = new DevTokens(this.keys);
		assertThatThrownBy(() -> tokens.issue("nurse-1", List.of("ADMIN")))
			.hasMessageContaining("unknown role 'ADMIN'");
		assertThatThrownBy(() -> tokens.issue(" ", List.of("ON_CALL"))).hasMessageContaining("user id");
	}

	private static RSAPublicKey publicKey(Path pem) throws Exception {
		String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

}
