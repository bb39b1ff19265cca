package org.treatmentnetwork.notification.intake;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses and checks event values with a mapper of its own, independent of the web
 * layer's. Unknown fields are ignored, as the contract asks of consumers.
 */
final class ContactRequestEventParser {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	ContactRequestEvent parse(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidEventException("Empty record value");
		}
		ContactRequestEvent event;
		try {
			event = this.mapper.readValue(value, ContactRequestEvent.class);
		}
		catch (JacksonException ex) {
			// The original message may quote the content; keep only the kind of failure.
			throw new InvalidEventException("Record value is not a valid event: " + ex.getClass().getSimpleName());
		}
		if (event == null) {
			throw new InvalidEventException("Record value is null");
		}
		require(event.eventId(), "eventId");
		require(event.type(), "type");
		require(event.requestId(), "requestId");
		if (ContactRequestEvent.RECEIVED.equals(event.type())) {
			require(event.reference(), "reference");
			require(event.urgency(), "urgency");
		}
		if (ContactRequestEvent.STATUS_CHANGED.equals(event.type())) {
			require(event.status(), "status");
		}
		return event;
	}

	private static void require(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidEventException("Event lacks " + field);
		}
	}

}
