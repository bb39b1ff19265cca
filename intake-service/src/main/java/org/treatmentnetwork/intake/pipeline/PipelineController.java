package org.treatmentnetwork.intake.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.intake.problems.InvalidField;
import org.treatmentnetwork.intake.problems.InvalidFieldsException;
import org.treatmentnetwork.intake.requests.RequestStatus;
import org.treatmentnetwork.intake.security.Roles;
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.openapi.ProblemResponse;

/**
 * The call center's queue and its work on requests. Reading the queue needs
 * {@code INTAKE_AGENT} or {@code SUPERVISOR}; claims and status moves need
 * {@code INTAKE_AGENT} (supervisors do not work requests); releasing a claim and adding a
 * note need the agent who holds the request, or a supervisor.
 */
@Tag(name = "Call-center pipeline", description = "The queue and the work on each request")
@RestController
class PipelineController {

	private static final String REQUEST = "/api/intake/contact-requests/{id}";

	private final PipelineService service;

	private final Validator validator;

	PipelineController(PipelineService service, Validator validator) {
		this.service = service;
		this.validator = validator;
	}

	@Operation(summary = "The queue: requests awaiting first contact",
			description = "Most urgent first, then oldest; every read is audit-logged")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "INTAKE_AGENT", "SUPERVISOR" })
	@GetMapping("/api/intake/queue")
	Flux<QueueItem> queue(Authentication authentication) {
		return this.service.queue(authentication.getName());
	}

	@Operation(summary = "Claim a request", description = "Claiming it again as its holder is `200`")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = "INTAKE_AGENT")
	@ProblemResponse(status = 404, type = "not-found", description = "No contact request has this id")
	@ProblemResponse(status = 409, type = "conflict", description = "Another agent holds it, or it is final")
	@PostMapping(REQUEST + "/claim")
	Mono<QueueItem> claim(@PathVariable String id, Authentication authentication) {
		return this.service.claim(id, authentication.getName());
	}

	@Operation(summary = "Release a claim", description = "By its holder, or by any supervisor with a reason")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "INTAKE_AGENT", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found", description = "No contact request has this id")
	@ProblemResponse(status = 409, type = "conflict",
			description = "Another agent holds it, or it is past first contact")
	@PostMapping(REQUEST + "/release")
	Mono<QueueItem> release(@PathVariable String id, @RequestBody(required = false) ReleaseForm form,
			Authentication authentication) {
		ReleaseForm release = (form != null) ? form : new ReleaseForm(null);
		List<InvalidField> errors = violations(release);
		if (!errors.isEmpty()) {
			return Mono.error(new InvalidFieldsException(errors));
		}
		return this.service.release(id, authentication.getName(), isSupervisor(authentication),
				trimToNull(release.note()));
	}

	@Operation(summary = "Move a request along the pipeline",
			description = "A request nobody holds is claimed for the caller by the move")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = "INTAKE_AGENT")
	@ProblemResponse(status = 404, type = "not-found", description = "No contact request has this id")
	@ProblemResponse(status = 409, type = "conflict",
			description = "A move the status rules do not allow, or another agent holds it")
	@PostMapping(path = REQUEST + "/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<QueueItem> changeStatus(@PathVariable String id, @RequestBody StatusChangeForm form,
			Authentication authentication) {
		return Mono.fromCallable(() -> {
			List<InvalidField> errors = violations(form);
			String note = trimToNull(form.note());
			if (errors.isEmpty() && RequestStatus.valueOf(form.status()).needsReason() && note == null) {
				errors.add(new InvalidField("note", "a reason is required for " + form.status()));
			}
			if (!errors.isEmpty()) {
				throw new InvalidFieldsException(errors);
			}
			return RequestStatus.valueOf(form.status());
		})
			.flatMap((target) -> this.service.changeStatus(id, authentication.getName(), target,
					trimToNull(form.note())));
	}

	@Operation(summary = "Add a note", description = "By the holding agent, or by a supervisor on any open request")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "INTAKE_AGENT", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found", description = "No contact request has this id")
	@ProblemResponse(status = 409, type = "conflict",
			description = "Another agent holds it, or the caller may not note it")
	@PostMapping(path = REQUEST + "/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<QueueItem> addNote(@PathVariable String id, @RequestBody NoteForm form, Authentication authentication) {
		return Mono.fromCallable(() -> {
			List<InvalidField> errors = violations(form);
			if (!errors.isEmpty()) {
				throw new InvalidFieldsException(errors);
			}
			return form.text().strip();
		}).flatMap((text) -> this.service.addNote(id, authentication.getName(), isSupervisor(authentication), text));
	}

	private List<InvalidField> violations(Object form) {
		List<InvalidField> errors = new ArrayList<>();
		this.validator.validate(form)
			.forEach((violation) -> errors
				.add(new InvalidField(violation.getPropertyPath().toString(), violation.getMessage())));
		errors.sort(Comparator.comparing(InvalidField::field));
		return errors;
	}

	private static boolean isSupervisor(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> Roles.SUPERVISOR_AUTHORITY.equals(authority.getAuthority()));
	}

	private static String trimToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
