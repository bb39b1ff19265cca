package org.treatmentnetwork.content.approaches;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;
import org.springframework.boot.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A treatment approach serializes exactly to the public contract.
 */
@JsonTest
class TreatmentApproachJsonTests {

	@Autowired
	private JacksonTester<TreatmentApproach> json;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void approachHasTheContractFields() throws Exception {
		TreatmentApproach approach = new TreatmentApproach("medication-assisted-treatment",
				"Medications for opioid use disorder", "Long-term medication.", "## The medications",
				List.of("methadone", "buprenorphine"), "en", false);

		JsonContent<TreatmentApproach> content = this.json.write(approach);

		assertThat(this.jsonMapper.readTree(content.getJson()).propertyNames()).containsExactlyInAnyOrder("key", "name",
				"summary", "body", "medications", "locale", "fallback");
		assertThat(content).extractingJsonPathArrayValue("$.medications").containsExactly("methadone", "buprenorphine");
	}

	@Test
	void approachWithoutMedicationsHasAnEmptyArray() throws Exception {
		TreatmentApproach approach = TreatmentApproach.from(
				new TreatmentApproachDocument("id", "holistic-recovery", "en", 5, "Holistic recovery", "s", "b", null));

		assertThat(this.json.write(approach)).extractingJsonPathArrayValue("$.medications").isEmpty();
	}

}
