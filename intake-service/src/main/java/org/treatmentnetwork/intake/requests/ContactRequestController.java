package org.treatmentnetwork.intake.requests;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /api/intake/contact-requests}: submitted from the website (no token) or logged
 * by an intake agent (token with {@code INTAKE_AGENT}), and read by staff.
 */
@RestController
@RequestMapping("/api/intake/contact-requests")
class ContactRequestController {

	private final ContactRequestValidator validator;

	private final ContactRequestService service;

	ContactRequestController(ContactRequestValidator validator, ContactRequestService service) {
		this.validator = validator;
		this.service = service;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ContactRequestAccepted> submit(@RequestBody ContactRequestForm form, ServerWebExchange exchange) {
		return Mono.fromCallable(() -> this.validator.validate(form))
			.zipWith(submitter(exchange))
			.flatMap((valid) -> this.service.submit(valid.getT1(), valid.getT2()));
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
