package org.treatmentnetwork.intake.outbox;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire form of the event is the contract in {@code api.md}, and nothing more.
 */
class ContactRequestEventJsonTest {

	private final ContactRequestEventJson json = new ContactRequestEventJson();

	private final JsonMapper reader = JsonMapper.builder().build();

	@Test
	void receivedEventHasExactlyTheContractFields() {
		ContactRequestEvent event = ContactRequestEvent.received("0b6c1e4e-7d43-4c1a-9d0b-3f0b7b7f2a11", "K7PX-3MZQ",
				"CRISIS", "WEB", null, "RECEIVED", Instant.parse("2026-11-24T22:00:00Z"),
				Instant.parse("2026-11-24T22:05:00Z"), null);

		JsonNode node = this.reader.readTree(this.json.write(event));

		List<String> names = new ArrayList<>(node.propertyNames());
		assertThat(names).containsExactly("eventId", "type", "occurredAt", "requestId", "reference", "urgency",
				"source", "centerId", "status", "firstContactDueAt");
		assertThat(node.get("eventId").asString()).isEqualTo(event.eventId()).hasSize(36);
		assertThat(node.get("type").asString()).isEqualTo("ContactRequestReceived");
		assertThat(node.get("occurredAt").asString()).isEqualTo("2026-11-24T22:00:00Z");
		assertThat(node.get("requestId").asString()).isEqualTo("0b6c1e4e-7d43-4c1a-9d0b-3f0b7b7f2a11");
		assertThat(node.get("reference").asString()).isEqualTo("K7PX-3MZQ");
		assertThat(node.get("urgency").asString()).isEqualTo("CRISIS");
		assertThat(node.get("source").asString()).isEqualTo("WEB");
		assertThat(node.get("centerId").isNull()).isTrue();
		assertThat(node.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(node.get("firstContactDueAt").asString()).isEqualTo("2026-11-24T22:05:00Z");
	}

	@Test
	void statusChangedEventOfADuplicateNamesTheEarlierRequest() {
		Instant now = Instant.parse("2026-11-24T22:10:00Z");
		ContactRequestEvent event = ContactRequestEvent.statusChanged("r2", "K7PX-3MZQ", "HIGH", "PHONE", null,
				"CONTACT_ATTEMPTED", now, now.minusSeconds(300), "r1");

		JsonNode node = this.reader.readTree(this.json.write(event));

		assertThat(new ArrayList<>(node.propertyNames())).containsExactly("eventId", "type", "occurredAt", "requestId",
				"reference", "urgency", "source", "centerId", "status", "firstContactDueAt", "duplicateOf");
		assertThat(node.get("type").asString()).isEqualTo("ContactRequestStatusChanged");
		assertThat(node.get("status").asString()).isEqualTo("CONTACT_ATTEMPTED");
		assertThat(node.get("duplicateOf").asString()).isEqualTo("r1");
	}

	@Test
	void eventRecordHasNoRoomForPersonalData() {
		List<String> components = Arrays.stream(ContactRequestEvent.class.getRecordComponents())
			.map(RecordComponent::getName)
			.toList();
		assertThat(components).doesNotContain("name", "phone", "email", "message", "substances", "bestTimeToContact");
	}

	@Test
	void eachEventGetsItsOwnId() {
		Instant now = Instant.parse("2026-11-24T22:00:00Z");
		ContactRequestEvent first = ContactRequestEvent.received("r", "K7PX-3MZQ", "ROUTINE", "WEB", "c1", "RECEIVED",
				now, now, null);
		ContactRequestEvent second = ContactRequestEvent.received("r", "K7PX-3MZQ", "ROUTINE", "WEB", "c1", "RECEIVED",
				now, now, null);
		assertThat(first.eventId()).isNotEqualTo(second.eventId());
	}

}
