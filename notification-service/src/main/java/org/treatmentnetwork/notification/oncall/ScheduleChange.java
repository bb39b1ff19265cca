package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change of a team's schedule through the API ({@code schedule_changes} collection):
 * who made it, when, and what changed, with the schedule before and after. Staff ids,
 * times and steps only: no contact details.
 *
 * @param id the change's id
 * @param team the team key
 * @param changedBy the staff id (token {@code sub}) of the supervisor who made it
 * @param changedAt when it was stored
 * @param revision the team's revision this change produced (1 for the first change)
 * @param changed the fields that changed, named as in the schedule's JSON
 * ({@code rotation.members}, {@code escalation.steps}, …)
 * @param before the schedule before the change
 * @param after the schedule after the change
 */
@Document(ScheduleChange.COLLECTION)
record ScheduleChange(@Id String id, String team, String changedBy, Instant changedAt, long revision,
		List<String> changed, ScheduleSnapshot before, ScheduleSnapshot after) {

	static final String COLLECTION = "schedule_changes";

	ScheduleChange {
		changed = (changed != null) ? List.copyOf(changed) : List.of();
	}

}
