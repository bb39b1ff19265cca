package org.treatmentnetwork.notification.acklinks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.acklinks.AckLinkTokens.Verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AckLinkTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-24T22:00:00Z");

	private static final String ALERT = "7d0f3c1e-4b8a-4d43-9a55-2f1f0c7f9b10";

	private final AckLinkTokens tokens = tokens("first-secret-0123456789", NOW);

	@Test
	void signedTokenVerifiesAndNamesAlertAndStaff() {
		String token = tokens.issue(ALERT, "avery-example");

		Verification verification = tokens.verify(token);

		assertThat(verification.status()).isEqualTo(Verification.Status.VALID);
		assertThat(verification.alertId()).isEqualTo(ALERT);
		assertThat(verification.staffId()).isEqualTo("avery-example");
		assertThat(token).startsWith(ALERT + ".avery-example." + NOW.plus(Duration.ofHours(24)).getEpochSecond() + ".");
	}

	@Test
	void linkPointsAtThePublicAckPath() {
		URI link = tokens.linkFor(ALERT, "avery-example");

		assertThat(link.toString())
			.startsWith("https://staff.example.test/api/alerts/ack/" + ALERT + ".avery-example.");
	}

	@Test
	void expiresAfterTheValidity() {
		String token = tokens.issue(ALERT, "avery-example");

		assertThat(tokens("first-secret-0123456789", NOW.plus(Duration.ofHours(24)).minusSeconds(1)).verify(token)
			.status()).isEqualTo(Verification.Status.VALID);
		assertThat(tokens("first-secret-0123456789", NOW.plus(Duration.ofHours(24))).verify(token).status())
			.isEqualTo(Verification.Status.EXPIRED);
	}

	@Test
	void tamperedTokensAreInvalid() {
		String token = tokens.issue(ALERT, "avery-example");
		String[] parts = token.split("\\.");

		assertThat(tokens.verify(parts[0] + ".jordan-example." + parts[2] + "." + parts[3]).status())
			.isEqualTo(Verification.Status.INVALID);
		assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 3600) + "." + parts[3])
			.status()).isEqualTo(Verification.Status.INVALID);
		assertThat(tokens.verify("other-alert." + parts[1] + "." + parts[2] + "." + parts[3]).status())
			.isEqualTo(Verification.Status.INVALID);
		assertThat(tokens.verify(token + "x").status()).isEqualTo(Verification.Status.INVALID);
		assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + parts[2]).status())
			.isEqualTo(Verification.Status.INVALID);
		assertThat(tokens.verify("").status()).isEqualTo(Verification.Status.INVALID);
		assertThat(tokens.verify("a".repeat(1000)).status()).isEqualTo(Verification.Status.INVALID);
	}

	@Test
	void tokenOfAnotherSecretIsInvalid() {
		String foreign = tokens("second-secret-0123456789", NOW).issue(ALERT, "avery-example");

		assertThat(tokens.verify(foreign).status()).isEqualTo(Verification.Status.INVALID);
	}

	@Test
	void refusesIdsThatWouldBreakTheFormat() {
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.issue(ALERT, "avery.example"));
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.issue("a/b", "avery-example"));
	}

	private static AckLinkTokens tokens(String secret, Instant now) {
		AckLinkProperties properties = new AckLinkProperties(URI.create("https://staff.example.test"), secret,
				Duration.ofHours(24));
		return new AckLinkTokens(properties, Clock.fixed(now, ZoneOffset.UTC));
	}

}
