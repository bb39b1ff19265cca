package org.treatmentnetwork.intake.triage;

/**
 * How soon a person must be contacted.
 */
public enum Urgency {

	/** Overdose, suicide or immediate danger: crisis lines are shown at once. */
	CRISIS,

	/** Withdrawal now, or a loved one in danger. */
	HIGH,

	/** Everything else. */
	ROUTINE

}
