package org.treatmentnetwork.intake.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TriageTest {

	private static final Instant RECEIVED = Instant.parse("2026-11-24T22:00:00Z");

	private final CrisisResource lifeline = new CrisisResource("988 Suicide & Crisis Lifeline", "988", "988",
			"https://988lifeline.org", "24/7");

	private final Triage triage = new Triage(new UrgencyClassifier(), new TriageProperties(
			new TriageProperties.FirstContactDue(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60)),
			List.of(this.lifeline)));

	@Test
	void crisisIsDueSoonestAndShowsCrisisLines() {
		TriageResult result = this.triage.assess("he overdosed", RECEIVED);
		assertThat(result.urgency()).isEqualTo(Urgency.CRISIS);
		assertThat(result.firstContactDueAt()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(5)));
		assertThat(result.crisisResources()).containsExactly(this.lifeline);
	}

	@Test
	void highIsDueInFifteenMinutesWithoutCrisisLines() {
		TriageResult result = this.triage.assess("dope sick", RECEIVED);
		assertThat(result.urgency()).isEqualTo(Urgency.HIGH);
		assertThat(result.firstContactDueAt()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(15)));
		assertThat(result.crisisResources()).isEmpty();
	}

	@Test
	void routineIsDueInAnHour() {
		TriageResult result = this.triage.assess(null, RECEIVED);
		assertThat(result.urgency()).isEqualTo(Urgency.ROUTINE);
		assertThat(result.firstContactDueAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(1)));
		assertThat(result.crisisResources()).isEmpty();
	}

}
