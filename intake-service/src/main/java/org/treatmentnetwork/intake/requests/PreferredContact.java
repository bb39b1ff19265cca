package org.treatmentnetwork.intake.requests;

/**
 * How the person wants to be contacted.
 */
enum PreferredContact {

	PHONE, TEXT, EMAIL

}
