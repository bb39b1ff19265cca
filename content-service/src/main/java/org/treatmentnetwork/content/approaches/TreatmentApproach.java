package org.treatmentnetwork.content.approaches;

import java.util.List;

/**
 * A treatment approach as the website shows it.
 *
 * @param key the stable key, such as {@code medical-detox}
 * @param name the display name
 * @param summary one or two sentences
 * @param body the Markdown body
 * @param medications the medications the approach uses; empty when none
 */
record TreatmentApproach(String key, String name, String summary, String body, List<String> medications) {

	static TreatmentApproach from(TreatmentApproachDocument document) {
		List<String> medications = (document.medications() != null) ? List.copyOf(document.medications()) : List.of();
		return new TreatmentApproach(document.key(), document.name(), document.summary(), document.body(), medications);
	}

}
