package org.treatmentnetwork.intake.requests;

/**
 * Where a request is in the intake process.
 */
enum RequestStatus {

	RECEIVED, CONTACT_ATTEMPTED, CONTACTED, ASSESSMENT_SCHEDULED, ADMITTED, REFERRED_OUT, CLOSED

}
