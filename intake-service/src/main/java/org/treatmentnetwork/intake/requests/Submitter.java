package org.treatmentnetwork.intake.requests;

/**
 * Who submitted a request: a person on the website, or an intake agent logging a call.
 *
 * @param source where the request came from
 * @param staffId the agent's id (the token's subject), {@code null} for the website
 */
record Submitter(Source source, String staffId) {

	static Submitter website() {
		return new Submitter(Source.WEB, null);
	}

	static Submitter phoneCall(String staffId) {
		return new Submitter(Source.PHONE, staffId);
	}

}
