package org.treatmentnetwork.gateway.limits;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.treatmentnetwork.gateway.fallback.CrisisResource;

/**
 * A refusal of a public intake request that still tells the person how to get help.
 *
 * @param type problem type URI
 * @param title short summary
 * @param status HTTP status
 * @param detail what happened and what to do instead
 * @param intakePhone the intake call center's phone number
 * @param crisisResources crisis lines
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HelpProblem(URI type, String title, int status, String detail, String intakePhone,
		List<CrisisResource> crisisResources) {
}
