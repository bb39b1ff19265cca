package org.treatmentnetwork.content.crisis;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;
import org.springframework.boot.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crisis resource serializes with the contract's fields, absent values as nulls.
 */
@JsonTest
class CrisisResourceJsonTests {

	@Autowired
	private JacksonTester<CrisisResource> json;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void resourceHasTheContractFieldsAndExplicitNulls() throws Exception {
		CrisisResource emergency = new CrisisResource("Emergency 911", "911", null, null, "24/7", "Call 911.");

		JsonContent<CrisisResource> content = this.json.write(emergency);

		assertThat(this.jsonMapper.readTree(content.getJson()).propertyNames()).contains("name", "phone", "sms", "url",
				"hours");
		assertThat(content).extractingJsonPathStringValue("$.phone").isEqualTo("911");
		assertThat(content).extractingJsonPathValue("$.sms").isNull();
		assertThat(content.getJson()).contains("\"sms\":null", "\"url\":null");
	}

}
