package org.treatmentnetwork.notification.oncall;

import java.util.List;

/**
 * The escalation policy that applies to an alert: that of the team covering its center.
 *
 * @param teamId the team
 * @param steps the steps, in order (never empty)
 * @param repeat how many more times the whole policy runs after the first pass
 */
public record EscalationPlan(String teamId, List<EscalationStep> steps, int repeat) {

	public EscalationPlan {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("An escalation policy has at least one step");
		}
	}

}
