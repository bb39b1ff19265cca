package org.treatmentnetwork.intake.pipeline;

import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /api/intake/contact-requests/{id}/release}.
 *
 * @param note why the request goes back to the queue, or {@code null}
 */
record ReleaseForm(@Size(max = 2000) String note) {

}
