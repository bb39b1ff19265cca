package org.treatmentnetwork.notification.alerts;

import java.time.Instant;
import java.util.List;

/**
 * What the dispatcher decided after acting on a claimed alert.
 *
 * @param nextStep the escalation step to page at the next action
 * @param nextRound the policy round of that step
 * @param nextActionAt when to act next; {@code null} when nothing more is due
 * @param delivered whether anyone was reached (resets the failure count) or not
 * (increments it)
 * @param contactOverdue whether the acknowledger has now been reminded that the first
 * contact is overdue
 * @param reopen whether an acknowledged alert goes back to {@link AlertState#TRIGGERED}
 * because its first contact is overdue
 * @param pagedStaffIds who the escalation has now reached last, or {@code null} to leave
 * that unchanged
 */
public record StepOutcome(int nextStep, int nextRound, Instant nextActionAt, boolean delivered, boolean contactOverdue,
		boolean reopen, List<String> pagedStaffIds) {

	public StepOutcome {
		pagedStaffIds = (pagedStaffIds != null) ? List.copyOf(pagedStaffIds) : null;
	}

	public StepOutcome(int nextStep, int nextRound, Instant nextActionAt, boolean delivered, boolean contactOverdue,
			boolean reopen) {
		this(nextStep, nextRound, nextActionAt, delivered, contactOverdue, reopen, null);
	}

}
