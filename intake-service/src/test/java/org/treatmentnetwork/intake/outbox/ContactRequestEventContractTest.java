package org.treatmentnetwork.intake.outbox;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.intake.requests.RequestStatus;
import org.treatmentnetwork.intake.requests.Source;
import org.treatmentnetwork.intake.support.EventContract;
import org.treatmentnetwork.intake.triage.Urgency;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What intake publishes agrees with {@code contracts/events}: every urgency, source and
 * status it can publish is one of the schema's values (and the schema has no others), and
 * every event it can write, serialized as it goes on the wire, validates against the
 * schema. The examples are checked against the schema too, so a schema that accepts
 * anything fails here.
 */
class ContactRequestEventContractTest {

	private final ContactRequestEventJson json = new ContactRequestEventJson();

	@Test
	void urgenciesSourcesAndStatusesAreExactlyTheSchemasValues() {
		assertThat(EventContract.enumOf("urgency")).containsExactlyElementsOf(names(Urgency.values()));
		assertThat(EventContract.enumOf("source")).containsExactlyInAnyOrderElementsOf(names(Source.values()));
		assertThat(EventContract.enumOf("status")).containsExactlyElementsOf(names(RequestStatus.values()));
		assertThat(EventContract.enumOf("type")).containsExactlyInAnyOrder(ContactRequestEvent.RECEIVED,
				ContactRequestEvent.STATUS_CHANGED);
	}

	@Test
	void everyEventIntakeCanWriteValidatesAgainstTheSchema() {
		Instant at = Instant.parse("2026-11-24T22:00:00.123Z");
		List<ContactRequestEvent> events = new ArrayList<>();
		for (Urgency urgency : Urgency.values()) {
			for (Source source : Source.values()) {
				for (String duplicateOf : Arrays.asList(null, UUID.randomUUID().toString())) {
					for (String centerId : Arrays.asList(null, "demo-center-harbor")) {
						String requestId = UUID.randomUUID().toString();
						events.add(ContactRequestEvent.received(requestId, "K7PX-3MZQ", urgency.name(), source.name(),
								centerId, RequestStatus.RECEIVED.name(), at, at.plusSeconds(300), duplicateOf));
						for (RequestStatus status : RequestStatus.values()) {
							events.add(ContactRequestEvent
								.statusChanged(requestId, "K7PX-3MZQ", urgency.name(), source.name(), centerId,
										status.name(), at.plusSeconds(60), at.plusSeconds(300), duplicateOf)
								.withTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
						}
					}
				}
			}
		}

		assertThat(events).hasSize(3 * 2 * 2 * 2 * (1 + RequestStatus.values().length));
		assertThat(events).allSatisfy(
				(event) -> assertThat(EventContract.violations(this.json.write(event))).as(this.json.write(event))
					.isEmpty());
	}

	@Test
	void theExamplesAreValidAndTheInvalidOnesAreRejected() {
		assertThat(EventContract.examples()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(EventContract.examples())
			.allSatisfy((example) -> assertThat(violations(example)).as(example.toString()).isEmpty());
		assertThat(EventContract.invalidExamples()).isNotEmpty();
		assertThat(EventContract.invalidExamples())
			.allSatisfy((example) -> assertThat(violations(example)).as(example.toString()).isNotEmpty());
	}

	@Test
	void anEventThatBreaksTheContractIsRejected() {
		Instant at = Instant.parse("2026-11-24T22:00:00Z");
		ContactRequestEvent urgent = ContactRequestEvent.received(UUID.randomUUID().toString(), "K7PX-3MZQ", "URGENT",
				"WEB", null, "RECEIVED", at, at, null);
		ContactRequestEvent badReference = ContactRequestEvent.received(UUID.randomUUID().toString(), "TN-1", "ROUTINE",
				"WEB", null, "RECEIVED", at, at, null);

		assertThat(EventContract.violations(this.json.write(urgent))).isNotEmpty();
		assertThat(EventContract.violations(this.json.write(badReference))).isNotEmpty();
		assertThat(EventContract.violations(this.json.write(urgent).replace("\"eventId\":\"", "\"eventId\":\"x")))
			.isNotEmpty();
	}

	private static List<String> violations(Path example) {
		return EventContract.violations(EventContract.read(example));
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
