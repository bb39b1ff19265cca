package org.treatmentnetwork.intake.requests;

/**
 * Who the request is for.
 */
enum ForWhom {

	SELF, LOVED_ONE, PROFESSIONAL

}
