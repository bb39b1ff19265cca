package org.treatmentnetwork.intake.requests;

import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.intake.problems.InvalidField;
import org.treatmentnetwork.intake.problems.InvalidFieldsException;
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.openapi.ProblemResponse;
import org.treatmentnetwork.servicedefaults.openapi.OptionalStaffToken;

/**
 * {@code /api/intake/contact-requests}: submitted from the website (no token) or logged
 * by an intake agent (token with {@code INTAKE_AGENT}), and read by staff.
 */
@Tag(name = "Contact requests", description = "A person asks to be contacted; the call center reads the request")
@RestController
@RequestMapping("/api/intake/contact-requests")
class ContactRequestController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** Visible ASCII, as the IETF draft on the header expects of its values. */
	private static final Pattern VALID_IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private final ContactRequestValidator validator;

	private final ContactRequestService service;

	private final Honeypot honeypot;

	ContactRequestController(ContactRequestValidator validator, ContactRequestService service, Honeypot honeypot) {
		this.validator = validator;
		this.service = service;
		this.honeypot = honeypot;
	}

	@Operation(summary = "Ask to be contacted",
			description = "Public (source `WEB`); with a token holding `INTAKE_AGENT` it is a phone call an agent logs "
					+ "(source `PHONE`). The request and its event are stored before the `202`. A request that reads as "
					+ "a crisis is `CRISIS` and the answer carries the crisis lines. The same `Idempotency-Key` and body "
					+ "within 24 h answer the first `202` again.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
					mediaType = "application/json", schema = @Schema(implementation = ContactRequestForm.class),
					examples = @ExampleObject(name = "someone asking for themselves",
							value = "{\"name\":\"Sam\",\"phone\":\"+1 555 010 0199\",\"preferredContact\":\"PHONE\","
									+ "\"bestTimeToContact\":\"evenings\",\"forWhom\":\"SELF\",\"substances\":[\"heroin\"],"
									+ "\"message\":\"I want to stop\",\"consent\":{\"contact\":true,\"text\":false,\"voicemail\":false}}"))))
	@ApiResponse(responseCode = "202", description = "Stored; the on-call staff are being paged", content = @Content(
			mediaType = "application/json", schema = @Schema(implementation = ContactRequestAccepted.class),
			examples = @ExampleObject(name = "routine",
					value = "{\"id\":\"6f1c2a4e-0b7d-4c1e-9d2a-3e5f7a9b1c2d\",\"reference\":\"K7MQ-4XPA\","
							+ "\"status\":\"RECEIVED\",\"receivedAt\":\"2026-11-24T22:00:00Z\",\"urgency\":\"ROUTINE\"}")))
	@OptionalStaffToken(roles = "INTAKE_AGENT")
	@ProblemResponse(status = 401, type = "unauthorized", description = "A token was sent and is invalid")
	@ProblemResponse(status = 403, type = "forbidden", description = "A valid token without `INTAKE_AGENT`")
	@ProblemResponse(status = 409, type = "conflict", description = "The `Idempotency-Key` was used with another body")
	@ProblemResponse(status = 413, type = "payload-too-large", description = "The body is over 16 KiB")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ContactRequestAccepted> submit(@RequestBody ContactRequestForm form,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			ServerWebExchange exchange) {
		if (form.honeypotFilled()) {
			return Mono.fromCallable(() -> this.honeypot.answer(form));
		}
		return Mono.fromCallable(() -> {
			if (idempotencyKey != null && !VALID_IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
				throw new InvalidFieldsException(
						List.of(new InvalidField(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters")));
			}
			return this.validator.validate(form);
		})
			.zipWith(submitter(exchange))
			.flatMap((valid) -> this.service.submit(valid.getT1(), valid.getT2(), idempotencyKey));
	}

	@Operation(summary = "Read a contact request with its personal data",
			description = "Every read is audit-logged with the reader")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "INTAKE_AGENT", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found", description = "No contact request has this id")
	@GetMapping("/{id}")
	Mono<ContactRequestDetails> read(@PathVariable String id, Authentication authentication) {
		return this.service.read(id, authentication.getName());
	}

	/**
	 * Security lets an authenticated caller through here only with {@code INTAKE_AGENT}:
	 * such a request is a phone call the agent logs.
	 */
	private static Mono<Submitter> submitter(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter((principal) -> principal instanceof Authentication authentication
					&& authentication.isAuthenticated())
			.map((principal) -> Submitter.phoneCall(principal.getName()))
			.defaultIfEmpty(Submitter.website());
	}

}
