package org.treatmentnetwork.intake.requests;

import java.util.List;

/**
 * Where a request is in the intake process, and the moves the contract allows:
 * {@code RECEIVED → CONTACT_ATTEMPTED → CONTACTED → ASSESSMENT_SCHEDULED → ADMITTED}, one
 * step at a time, or from any open status to {@code REFERRED_OUT} or {@code CLOSED}.
 * {@code ADMITTED}, {@code REFERRED_OUT} and {@code CLOSED} are final.
 */
public enum RequestStatus {

	RECEIVED, CONTACT_ATTEMPTED, CONTACTED, ASSESSMENT_SCHEDULED, ADMITTED, REFERRED_OUT, CLOSED;

	/** The statuses of requests still waiting for a first successful contact. */
	public static final List<RequestStatus> AWAITING_CONTACT = List.of(RECEIVED, CONTACT_ATTEMPTED);

	/** The final statuses. */
	public static final List<RequestStatus> FINAL = List.of(ADMITTED, REFERRED_OUT, CLOSED);

	public boolean isFinal() {
		return FINAL.contains(this);
	}

	/** Whether leaving the request in this status needs a reason. */
	public boolean needsReason() {
		return this == REFERRED_OUT || this == CLOSED;
	}

	/**
	 * @param target the status to move to
	 * @return whether the contract allows the move
	 */
	public boolean canMoveTo(RequestStatus target) {
		if (isFinal()) {
			return false;
		}
		if (target.needsReason()) {
			return true;
		}
		return target.ordinal() == ordinal() + 1;
	}

}
