package org.treatmentnetwork.intake.outbox;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The wire form of {@link ContactRequestEvent}: JSON from a mapper of its own, so that
 * the application's web settings cannot change the contract, and no Java type headers.
 */
@Component
class ContactRequestEventJson {

	private final JsonMapper mapper = JsonMapper.builder().build();

	String write(ContactRequestEvent event) {
		return this.mapper.writeValueAsString(event);
	}

}
