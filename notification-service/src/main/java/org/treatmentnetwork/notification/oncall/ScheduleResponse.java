package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.util.List;

/**
 * A team's schedule as answered by {@code GET /api/on-call/schedules/{team}}: its
 * rotation, overrides and escalation policy, and who may change them. Contact details are
 * not part of it.
 *
 * @param team the team key
 * @param name the display name
 * @param centerId the center it covers, {@code null} for network-wide
 * @param supervisorId the supervisor's staff id (paged by {@code SUPERVISOR} steps)
 * @param supervisors the staff ids of the supervisors who may change the schedule
 * (read-only)
 * @param rotation the rotation
 * @param overrides the overrides
 * @param escalation the escalation policy
 */
record ScheduleResponse(String team, String name, String centerId, String supervisorId, List<String> supervisors,
		RotationView rotation, List<OverrideView> overrides, PolicyView escalation) {

	static ScheduleResponse from(TeamDocument team) {
		return new ScheduleResponse(team.id(), team.name(), team.centerId(), team.supervisorId(), team.supervisors(),
				RotationView.of(team.rotation()), OverrideView.of(team.overrides()),
				PolicyView.of(team.effectivePolicy()));
	}

	/**
	 * A rotation.
	 *
	 * @param kind {@code DAILY} or {@code WEEKLY} shifts
	 * @param startDate local date of the first shift
	 * @param handoffTime local time of the handoff ({@code HH:mm})
	 * @param zone the time zone
	 * @param members staff ids in order
	 */
	record RotationView(String kind, String startDate, String handoffTime, String zone, List<String> members) {

		static RotationView of(TeamDocument.StoredRotation stored) {
			return new RotationView(Schedules.kindOf(stored.shiftDays()), stored.startDate(), stored.handoffTime(),
					stored.zone(), stored.memberIds());
		}

	}

	/**
	 * An override.
	 *
	 * @param from start, inclusive
	 * @param until end, exclusive
	 * @param staffId who covers
	 */
	record OverrideView(Instant from, Instant until, String staffId) {

		static List<OverrideView> of(List<TeamDocument.StoredOverride> stored) {
			return stored.stream()
				.map((override) -> new OverrideView(override.from(), override.until(), override.staffId()))
				.toList();
		}

	}

	/**
	 * An escalation policy.
	 *
	 * @param steps the steps in order
	 * @param repeat how many more times the policy runs after the first pass
	 */
	record PolicyView(List<StepView> steps, int repeat) {

		static PolicyView of(TeamDocument.StoredPolicy stored) {
			return new PolicyView(stored.steps()
				.stream()
				.map((step) -> new StepView(step.target(), step.teamId(), step.staffId(), step.escalateAfterMinutes(),
						(step.contact() != null && !step.contact().isEmpty()) ? step.contact()
							.stream()
							.map((part) -> new ContactView(part.kind(), part.afterMinutes()))
							.toList() : null))
				.toList(), stored.repeat());
		}

	}

	/**
	 * An escalation step.
	 *
	 * @param target {@code SCHEDULE}, {@code PERSON} or {@code SUPERVISOR}
	 * @param teamId for {@code SCHEDULE}, another team whose rotation is paged
	 * @param staffId for {@code PERSON}, who is paged
	 * @param escalateAfterMinutes minutes before the next step, for a {@code ROUTINE}
	 * alert
	 * @param contact how each person is reached, such as text at once and a call after 2
	 * minutes; absent for each person's own methods in order, until one works
	 */
	record StepView(String target, String teamId, String staffId, int escalateAfterMinutes, List<ContactView> contact) {

		StepView(String target, String teamId, String staffId, int escalateAfterMinutes) {
			this(target, teamId, staffId, escalateAfterMinutes, null);
		}

	}

	/**
	 * A part of a step's contact sequence.
	 *
	 * @param kind {@code EMAIL}, {@code SMS}, {@code VOICE} or {@code WEBHOOK}
	 * @param afterMinutes minutes from the step's start (0 to 60), unless acknowledged by
	 * then
	 */
	record ContactView(String kind, int afterMinutes) {

	}

}
