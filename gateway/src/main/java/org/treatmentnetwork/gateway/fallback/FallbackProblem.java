package org.treatmentnetwork.gateway.fallback;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The problem body of a fallback answer: what failed and what the person can do instead.
 *
 * @param type problem type URI
 * @param title short summary
 * @param status HTTP status (503)
 * @param detail what happened and what to do instead
 * @param intakePhone the intake call center's phone number, for answers to the public
 * @param crisisResources crisis lines, for answers to the public
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FallbackProblem(URI type, String title, int status, String detail, String intakePhone,
		List<CrisisResource> crisisResources) {
}
