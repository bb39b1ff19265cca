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
 * @param locale the language served (an extension of the contract)
 * @param fallback {@code true} when there is no translation in the requested language and
 * the default language is served instead (an extension of the contract)
 */
record TreatmentApproach(String key, String name, String summary, String body, List<String> medications, String locale,
		boolean fallback) {

	static TreatmentApproach from(TreatmentApproachDocument document) {
		return from(document, document.locale());
	}

	static TreatmentApproach from(TreatmentApproachDocument document, String requestedLocale) {
		List<String> medications = (document.medications() != null) ? List.copyOf(document.medications()) : List.of();
		return new TreatmentApproach(document.key(), document.name(), document.summary(), document.body(), medications,
				document.locale(), !document.locale().equals(requestedLocale));
	}

}
