package org.treatmentnetwork.notification.oncall;

import java.time.Duration;
import java.util.List;

/**
 * One step of an escalation policy.
 *
 * @param target whom the step pages
 * @param teamId for {@link EscalationTarget#SCHEDULE}, the team whose rotation is paged;
 * {@code null} for the alert's own team
 * @param staffId for {@link EscalationTarget#PERSON}, the staff member paged
 * @param escalateAfter how long to wait, without an acknowledgement, before the next step
 * (for a {@code ROUTINE} alert; other urgencies scale it)
 * @param contact how each person is reached, in order and time; empty for each person's
 * own contact methods in order, until one works
 */
public record EscalationStep(EscalationTarget target, String teamId, String staffId, Duration escalateAfter,
		List<ContactStep> contact) {

	public EscalationStep {
		contact = (contact != null) ? List.copyOf(contact) : List.of();
	}

	public EscalationStep(EscalationTarget target, String teamId, String staffId, Duration escalateAfter) {
		this(target, teamId, staffId, escalateAfter, List.of());
	}

	/**
	 * A short description for timelines, without personal data.
	 * @return such as {@code "schedule of team network"}
	 */
	public String describe() {
		return switch (this.target) {
			case SCHEDULE -> "on call" + ((this.teamId != null) ? " for team " + this.teamId : "");
			case PERSON -> "staff " + this.staffId;
			case SUPERVISOR -> "the team's supervisor";
		};
	}

}
