package org.treatmentnetwork.notification.oncall;

/**
 * Whom an escalation step pages.
 */
public enum EscalationTarget {

	/** Whoever is on call in a team's rotation (the step's team, or the alert's team). */
	SCHEDULE,

	/** One named staff member. */
	PERSON,

	/** The supervisor of the alert's team. */
	SUPERVISOR

}
