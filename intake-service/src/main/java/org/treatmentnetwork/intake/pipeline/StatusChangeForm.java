package org.treatmentnetwork.intake.pipeline;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/intake/contact-requests/{id}/status}.
 *
 * @param status the status to move to
 * @param note what happened; required (the reason) for {@code REFERRED_OUT} and
 * {@code CLOSED}
 */
record StatusChangeForm(@NotNull @Pattern(
		regexp = "RECEIVED|CONTACT_ATTEMPTED|CONTACTED|ASSESSMENT_SCHEDULED|ADMITTED|REFERRED_OUT|CLOSED",
		message = "must be one of RECEIVED, CONTACT_ATTEMPTED, CONTACTED, ASSESSMENT_SCHEDULED, ADMITTED, REFERRED_OUT, CLOSED") String status,
		@Size(max = 2000) String note) {

}
