package org.treatmentnetwork.intake.requests;

/**
 * Where a request came from: the website form, or a phone call an intake agent logged.
 */
public enum Source {

	WEB, PHONE

}
