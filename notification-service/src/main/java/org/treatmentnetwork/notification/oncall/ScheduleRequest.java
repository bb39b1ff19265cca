package org.treatmentnetwork.notification.oncall;

import java.util.List;

/**
 * The body of {@code PUT /api/on-call/schedules/{team}}: replaces the team's rotation,
 * overrides, supervisor and escalation policy. Same shape as {@link ScheduleResponse}
 * without the read-only fields.
 *
 * @param supervisorId the supervisor's staff id
 * @param rotation the rotation
 * @param overrides the overrides ({@code null} for none)
 * @param escalation the escalation policy
 */
record ScheduleRequest(String supervisorId, ScheduleResponse.RotationView rotation,
		List<ScheduleResponse.OverrideView> overrides, ScheduleResponse.PolicyView escalation) {

}
