package org.treatmentnetwork.notification.oncall;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a schedule change can change, as stored: staff ids, times and steps only, never
 * contact details.
 *
 * @param supervisorId the supervisor paged by {@code SUPERVISOR} steps
 * @param rotation the rotation
 * @param overrides the overrides
 * @param escalation the policy in effect (the default policy if the team had none stored)
 */
record ScheduleSnapshot(String supervisorId, TeamDocument.StoredRotation rotation,
		List<TeamDocument.StoredOverride> overrides, TeamDocument.StoredPolicy escalation) {

	ScheduleSnapshot {
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
	}

	static ScheduleSnapshot of(TeamDocument team) {
		return new ScheduleSnapshot(team.supervisorId(), team.rotation(), team.overrides(), team.effectivePolicy());
	}

	/**
	 * The fields that differ from another snapshot, named as in the schedule's JSON.
	 * @param other the snapshot to compare with
	 * @return the field names, in the schedule's order; empty if nothing differs
	 */
	List<String> differences(ScheduleSnapshot other) {
		List<String> changed = new ArrayList<>();
		if (!Objects.equals(this.supervisorId, other.supervisorId)) {
			changed.add("supervisorId");
		}
		TeamDocument.StoredRotation mine = this.rotation;
		TeamDocument.StoredRotation theirs = other.rotation;
		if (mine == null || theirs == null) {
			if (mine != theirs) {
				changed.add("rotation");
			}
		}
		else {
			if (mine.shiftDays() != theirs.shiftDays()) {
				changed.add("rotation.kind");
			}
			if (!Objects.equals(mine.startDate(), theirs.startDate())) {
				changed.add("rotation.startDate");
			}
			if (!Objects.equals(mine.handoffTime(), theirs.handoffTime())) {
				changed.add("rotation.handoffTime");
			}
			if (!Objects.equals(mine.zone(), theirs.zone())) {
				changed.add("rotation.zone");
			}
			if (!Objects.equals(mine.memberIds(), theirs.memberIds())) {
				changed.add("rotation.members");
			}
		}
		if (!this.overrides.equals(other.overrides)) {
			changed.add("overrides");
		}
		if (!Objects.equals(this.escalation.steps(), other.escalation.steps())) {
			changed.add("escalation.steps");
		}
		if (this.escalation.repeat() != other.escalation.repeat()) {
			changed.add("escalation.repeat");
		}
		return changed;
	}

}
