package org.treatmentnetwork.intake.requests;

import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

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

/**
 * {@code /api/intake/contact-requests}: submitted from the website (no token) or logged
 * by an intake agent (token with {@code INTAKE_AGENT}), and read by staff.
 */
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
