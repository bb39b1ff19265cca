package org.treatmentnetwork.intake.pipeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/intake/contact-requests/{id}/notes}.
 *
 * @param text the note
 */
record NoteForm(@NotBlank @Size(max = 2000) String text) {

}
