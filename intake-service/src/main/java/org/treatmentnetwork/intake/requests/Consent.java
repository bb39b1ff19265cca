package org.treatmentnetwork.intake.requests;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * What the person agreed to.
 *
 * @param contact being contacted at all; must be {@code true}
 * @param text being sent text messages
 * @param voicemail voicemail being left
 */
record Consent(@NotNull @AssertTrue Boolean contact, Boolean text, Boolean voicemail) {

	boolean allowsText() {
		return Boolean.TRUE.equals(this.text);
	}

	boolean allowsVoicemail() {
		return Boolean.TRUE.equals(this.voicemail);
	}

	/** The same consent with absent answers read as "no". */
	Consent normalized() {
		return new Consent(Boolean.TRUE.equals(this.contact), allowsText(), allowsVoicemail());
	}

}
