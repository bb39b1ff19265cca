package org.treatmentnetwork.notification.intake;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContactRequestEventParserTests {

	private final ContactRequestEventParser parser = new ContactRequestEventParser();

	@Test
	void parsesTheContractEvent() {
		String json = """
				{ "eventId": "5b0c6d7e-1f2a-4b3c-8d9e-0a1b2c3d4e5f", "type": "ContactRequestReceived",
				  "occurredAt": "2026-11-24T22:00:00Z", "requestId": "req-1", "reference": "TN-4K7Q2",
				  "urgency": "ROUTINE", "source": "WEB", "centerId": null,
				  "status": "RECEIVED", "firstContactDueAt": "2026-11-24T22:15:00Z" }
				""";

		ContactRequestEvent event = parser.parse(json);

		assertThat(event).isEqualTo(new ContactRequestEvent("5b0c6d7e-1f2a-4b3c-8d9e-0a1b2c3d4e5f",
				"ContactRequestReceived", Instant.parse("2026-11-24T22:00:00Z"), "req-1", "TN-4K7Q2", "ROUTINE", "WEB",
				null, "RECEIVED", Instant.parse("2026-11-24T22:15:00Z")));
	}

	@Test
	void ignoresUnknownFields() {
		String json = """
				{ "eventId": "e-2", "type": "ContactRequestStatusChanged", "requestId": "req-1",
				  "status": "CONTACTED", "schemaVersion": 2, "assignedTo": { "id": "agent-1" },
				  "tags": ["a", "b"] }
				""";

		ContactRequestEvent event = parser.parse(json);

		assertThat(event.type()).isEqualTo("ContactRequestStatusChanged");
		assertThat(event.status()).isEqualTo("CONTACTED");
		assertThat(event.reference()).isNull();
	}

	@Test
	void rejectsWhatIsNotJsonWithoutQuotingIt() {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse("Sam +1 555 010 0199"))
			.withMessageNotContaining("Sam")
			.withMessageNotContaining("555");
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse(""));
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse(null));
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse("[1, 2]"));
	}

	@Test
	void rejectsEventsWithoutTheFieldsItNeeds() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> parser.parse("{\"eventId\":\"e\",\"type\":\"ContactRequestReceived\"}"))
			.withMessageContaining("requestId");
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse(
				"{\"eventId\":\"e\",\"type\":\"ContactRequestReceived\",\"requestId\":\"r\",\"urgency\":\"ROUTINE\"}"))
			.withMessageContaining("reference");
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(
				() -> parser.parse("{\"eventId\":\"e\",\"type\":\"ContactRequestStatusChanged\",\"requestId\":\"r\"}"))
			.withMessageContaining("status");
	}

	@Test
	void rejectsMalformedTimestamps() {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> parser.parse(
				"{\"eventId\":\"e\",\"type\":\"ContactRequestReceived\",\"requestId\":\"r\",\"occurredAt\":\"yesterday\"}"));
	}

}
