package org.treatmentnetwork.notification.oncall;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.problems.InvalidRequestException;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class SchedulesTests {

	private final ReactiveMongoTemplate mongo = mock(ReactiveMongoTemplate.class);

	private final Schedules schedules = new Schedules(this.mongo, new ScheduleChanges(this.mongo), Clock.systemUTC());

	private static final ScheduleResponse.RotationView ROTATION = new ScheduleResponse.RotationView("DAILY",
			"2026-01-05", "08:00", "America/New_York", List.of("avery-example"));

	private static final ScheduleResponse.PolicyView POLICY = new ScheduleResponse.PolicyView(
			List.of(new ScheduleResponse.StepView("SCHEDULE", null, null, 10)), 1);

	@Test
	void rejectsInvalidSchedulesBeforeTouchingTheStore() {
		assertInvalid(
				new ScheduleRequest("morgan-example",
						rotation("HOURLY", "2026-01-05", "08:00", "America/New_York", List.of("a")), null, POLICY),
				"rotation.kind");
		assertInvalid(
				new ScheduleRequest("morgan-example",
						rotation("DAILY", "05/01/2026", "08:00", "America/New_York", List.of("a")), null, POLICY),
				"rotation.startDate");
		assertInvalid(
				new ScheduleRequest("morgan-example",
						rotation("DAILY", "2026-01-05", "8am", "America/New_York", List.of("a")), null, POLICY),
				"rotation.handoffTime");
		assertInvalid(
				new ScheduleRequest("morgan-example",
						rotation("DAILY", "2026-01-05", "08:00", "Mars/Olympus", List.of("a")), null, POLICY),
				"rotation.zone");
		assertInvalid(
				new ScheduleRequest("morgan-example",
						rotation("DAILY", "2026-01-05", "08:00", "America/New_York", List.of()), null, POLICY),
				"rotation.members");
		assertInvalid(new ScheduleRequest("morgan-example", ROTATION,
				List.of(new ScheduleResponse.OverrideView(Instant.parse("2026-02-01T00:00:00Z"),
						Instant.parse("2026-01-01T00:00:00Z"), "a")),
				POLICY), "overrides");
		assertInvalid(
				new ScheduleRequest("morgan-example", ROTATION, null, new ScheduleResponse.PolicyView(List.of(), 0)),
				"escalation.steps");
		assertInvalid(
				new ScheduleRequest("morgan-example", ROTATION, null,
						new ScheduleResponse.PolicyView(
								List.of(new ScheduleResponse.StepView("NOBODY", null, null, 10)), 0)),
				"escalation.steps.target");
		assertInvalid(
				new ScheduleRequest("morgan-example", ROTATION, null,
						new ScheduleResponse.PolicyView(
								List.of(new ScheduleResponse.StepView("PERSON", null, null, 10)), 0)),
				"escalation.steps.staffId");
		assertInvalid(
				new ScheduleRequest("morgan-example", ROTATION, null,
						new ScheduleResponse.PolicyView(
								List.of(new ScheduleResponse.StepView("SCHEDULE", null, null, 0)), 0)),
				"escalation.steps.escalateAfterMinutes");
		assertInvalid(new ScheduleRequest(" ", ROTATION, null, POLICY), "supervisorId");
		verifyNoInteractions(this.mongo);
	}

	private void assertInvalid(ScheduleRequest request, String field) {
		StepVerifier.create(this.schedules.replace("network", request, "morgan-example"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(InvalidRequestException.class)
				.extracting((ex) -> ((InvalidRequestException) ex).getField())
				.isEqualTo(field))
			.verify();
	}

	private static ScheduleResponse.RotationView rotation(String kind, String start, String handoff, String zone,
			List<String> members) {
		return new ScheduleResponse.RotationView(kind, start, handoff, zone, members);
	}

}
