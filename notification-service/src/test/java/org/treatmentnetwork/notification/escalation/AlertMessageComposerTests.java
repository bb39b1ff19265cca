package org.treatmentnetwork.notification.escalation;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;
import org.treatmentnetwork.notification.channels.AlertMessage;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMessageComposerTests {

	private static final URI LINK = URI.create("https://staff.example.test/api/alerts/ack/a.b.1.sig");

	private final AlertMessageComposer composer = new AlertMessageComposer();

	@Test
	void carriesReferenceUrgencyCenterDueTimeAndLink() {
		AlertMessage message = composer.compose(alert("center-7", Instant.parse("2026-11-24T22:15:00Z")),
				"avery.example@staff.treatment-network.test", ZoneId.of("America/New_York"), LINK);

		assertThat(message.to()).isEqualTo("avery.example@staff.treatment-network.test");
		assertThat(message.subject()).isEqualTo("[CRISIS] Contact request TN-4K7Q2 needs a first contact");
		assertThat(message.body()).contains("Reference: TN-4K7Q2")
			.contains("Urgency: CRISIS")
			.contains("Center: center-7")
			.contains("First contact due: 2026-11-24 17:15 EST (2026-11-24T22:15:00Z)")
			.contains("Acknowledge: " + LINK);
	}

	@Test
	void bodyHasNoLineBeyondTheAllowedOnes() {
		AlertMessage message = composer.compose(alert(null, null), "avery.example@staff.treatment-network.test",
				ZoneId.of("America/New_York"), LINK);

		List<String> lines = message.body().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).containsExactly("A contact request is waiting for its first contact.", "Reference: TN-4K7Q2",
				"Urgency: CRISIS", "Center: network", "First contact due: not set", "Acknowledge: " + LINK);
	}

	@Test
	void doesNotUseTheRequestsSourceOrIds() {
		AlertMessage message = composer.compose(alert(null, null), "avery.example@staff.treatment-network.test",
				ZoneId.of("America/New_York"), LINK);

		assertThat(message.subject() + message.body()).doesNotContain("request-123")
			.doesNotContain("event-9")
			.doesNotContain("WEB");
	}

	@Test
	void shortTextAndWebhookFieldsCarryTheSameOperationalFieldsOnly() {
		AlertMessage message = composer.compose(alert("center-7", Instant.parse("2026-11-24T22:15:00Z")), null,
				ZoneId.of("America/New_York"), LINK);

		assertThat(message.shortText()).isEqualTo(
				"[CRISIS] TN-4K7Q2 (center-7) first contact due 2026-11-24 17:15 EST (2026-11-24T22:15:00Z). Ack: "
						+ LINK);
		assertThat(message.fields()).containsOnlyKeys("reference", "urgency", "center", "firstContactDueAt",
				"acknowledgeUrl");
		assertThat(message.shortText() + message.fields()).doesNotContain("request-123", "event-9", "WEB");
	}

	@Test
	void theRepeatNoticeSaysThePersonReachedOutAgainWithTheSameFieldsOnly() {
		AlertMessage message = composer.composeRepeat(alert("center-7", Instant.parse("2026-11-24T22:15:00Z")),
				"avery.example@staff.treatment-network.test", ZoneId.of("America/New_York"), LINK);

		assertThat(message.subject()).isEqualTo("[CRISIS] Contact request TN-4K7Q2: the person reached out again");
		List<String> lines = message.body().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).containsExactly(
				"The person of this contact request reached out again. It is still waiting for its first contact.",
				"Reference: TN-4K7Q2", "Urgency: CRISIS", "Center: center-7",
				"First contact due: 2026-11-24 17:15 EST (2026-11-24T22:15:00Z)", "Acknowledge: " + LINK);
		assertThat(message.shortText()).startsWith("[CRISIS] TN-4K7Q2 (center-7) reached out again;")
			.endsWith("Ack: " + LINK);
		assertThat(message.fields()).containsOnlyKeys("reference", "urgency", "center", "firstContactDueAt",
				"acknowledgeUrl");
		assertThat(message.subject() + message.body() + message.shortText() + message.fields())
			.doesNotContain("request-123", "event-9", "WEB");
	}

	private static AlertDocument alert(String centerId, Instant due) {
		return new AlertDocument("alert-1", "request-123", "event-9", "TN-4K7Q2", "CRISIS", "WEB", centerId, due,
				AlertState.TRIGGERED, Instant.parse("2026-11-24T22:00:00Z"), null, null, null, List.of(), 1,
				Instant.parse("2026-11-24T22:00:00Z"), null, null, 0);
	}

}
