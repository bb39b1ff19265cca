package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.util.List;

/**
 * One change of a team's schedule as answered by {@code GET
 * /api/on-call/schedules/{team}/changes}.
 *
 * @param id the change's id
 * @param team the team key
 * @param changedBy the staff id of the supervisor who made it
 * @param changedAt when it was stored
 * @param revision the team's revision it produced (1 for the first change)
 * @param changed the fields that changed, named as in the schedule's JSON
 * @param before the schedule before
 * @param after the schedule after
 */
record ScheduleChangeResponse(String id, String team, String changedBy, Instant changedAt, long revision,
		List<String> changed, ScheduleView before, ScheduleView after) {

	static ScheduleChangeResponse from(ScheduleChange change) {
		return new ScheduleChangeResponse(change.id(), change.team(), change.changedBy(), change.changedAt(),
				change.revision(), change.changed(), ScheduleView.of(change.before()), ScheduleView.of(change.after()));
	}

	/**
	 * A schedule in a change: the fields of {@code PUT /api/on-call/schedules/{team}}.
	 *
	 * @param supervisorId the supervisor's staff id
	 * @param rotation the rotation
	 * @param overrides the overrides
	 * @param escalation the escalation policy
	 */
	record ScheduleView(String supervisorId, ScheduleResponse.RotationView rotation,
			List<ScheduleResponse.OverrideView> overrides, ScheduleResponse.PolicyView escalation) {

		static ScheduleView of(ScheduleSnapshot snapshot) {
			return new ScheduleView(snapshot.supervisorId(), ScheduleResponse.RotationView.of(snapshot.rotation()),
					ScheduleResponse.OverrideView.of(snapshot.overrides()),
					ScheduleResponse.PolicyView.of(snapshot.escalation()));
		}

	}

}
