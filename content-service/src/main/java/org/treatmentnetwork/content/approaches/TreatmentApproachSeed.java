package org.treatmentnetwork.content.approaches;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * A treatment approach as packaged in {@code seed/treatment-approaches/*.json}.
 *
 * @param key the stable key: lower-case words joined by hyphens
 * @param locale the language
 * @param position the display order, from 1
 * @param name the display name
 * @param summary one or two sentences
 * @param body the Markdown body
 * @param medications the medications the approach uses; empty when none
 */
record TreatmentApproachSeed(@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String key,
		@NotBlank @Pattern(regexp = "[a-z]{2}") String locale, @Positive int position, @NotBlank String name,
		@NotBlank String summary, @NotBlank String body, @NotNull List<@NotBlank String> medications) {

	String identity() {
		return this.key + "/" + this.locale;
	}

	TreatmentApproachDocument toDocument() {
		return new TreatmentApproachDocument(null, this.key, this.locale, this.position, this.name, this.summary,
				this.body, List.copyOf(this.medications));
	}

}
