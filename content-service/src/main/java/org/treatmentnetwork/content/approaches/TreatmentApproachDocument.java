package org.treatmentnetwork.content.approaches;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A treatment approach as stored in the {@code treatment_approaches} collection; one
 * document per key and locale.
 *
 * @param id the database id
 * @param key the stable key, such as {@code medical-detox}
 * @param locale the language of this version
 * @param position the order in which the website lists the approaches
 * @param name the display name
 * @param summary one or two sentences
 * @param body the Markdown body
 * @param medications the medications the approach uses, if any
 */
@Document(TreatmentApproachDocument.COLLECTION)
record TreatmentApproachDocument(@Id String id, String key, String locale, int position, String name, String summary,
		String body, List<String> medications) {

	static final String COLLECTION = "treatment_approaches";

}
