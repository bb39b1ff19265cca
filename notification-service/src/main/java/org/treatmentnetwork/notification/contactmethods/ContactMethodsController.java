package org.treatmentnetwork.notification.contactmethods;

import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.openapi.ProblemResponse;

/**
 * On-call staff's own contact methods (always the caller's: the staff id is the token's
 * {@code sub}), and a team's methods, masked, for the team's supervisors.
 */
@Tag(name = "Contact methods",
		description = "How on-call staff are paged: their own methods, confirmed by a code, and a team's for its supervisors")
@RestController
@RequestMapping("/api/on-call")
class ContactMethodsController {

	private final ContactMethods contactMethods;

	ContactMethodsController(ContactMethods contactMethods) {
		this.contactMethods = contactMethods;
	}

	@Operation(summary = "My contact methods",
			description = "In the order pages try them, with the addresses in full; `confirmed` is `false` while a method "
					+ "awaits its code, and pages skip it")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found", description = "The caller has no on-call staff record")
	@GetMapping("/me/contact-methods")
	Mono<ContactMethodsResponse> myContactMethods(Authentication staff) {
		return this.contactMethods.mine(staff.getName());
	}

	@Operation(summary = "Replace my contact methods",
			description = "1 to 10 methods in paging order. A method already stored keeps its confirmation; a new one is "
					+ "stored unconfirmed and sent a 6-digit code at once (`confirmation` says whether it went out)")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found", description = "The caller has no on-call staff record")
	@ProblemResponse(status = 409, type = "conflict",
			description = "The methods kept changing while this change was being stored; reload them and retry")
	@PutMapping("/me/contact-methods")
	Mono<ContactMethodsResponse> replaceMyContactMethods(@RequestBody ContactMethodsRequest request,
			Authentication staff) {
		return this.contactMethods.replace(staff.getName(), request);
	}

	@Operation(summary = "Confirm one of my contact methods",
			description = "With the code sent to it; from then on pages use it. A confirmed method answers as it is")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@ProblemResponse(status = 400, type = "validation",
			description = "An invalid body, or a wrong code (the detail says how many attempts are left), or an expired "
					+ "or used-up code (ask for a new one)")
	@ProblemResponse(status = 404, type = "not-found",
			description = "The caller has no such contact method, or no on-call staff record")
	@PostMapping("/me/contact-methods/confirm")
	Mono<ContactMethodsResponse> confirmMyContactMethod(@RequestBody ConfirmationRequest request,
			Authentication staff) {
		return this.contactMethods.confirm(staff.getName(), request);
	}

	@Operation(summary = "Send a new code to one of my contact methods",
			description = "The earlier code no longer counts; `confirmation` says whether the new one went out")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found",
			description = "The caller has no such contact method, or no on-call staff record")
	@ProblemResponse(status = 409, type = "conflict", description = "The method is already confirmed")
	@ProblemResponse(status = 429, type = "rate-limited",
			description = "A code went to the method less than a minute ago, or the caller had 5 codes sent within the "
					+ "hour; `Retry-After` says when to ask again")
	@PostMapping("/me/contact-methods/code")
	Mono<ContactMethodsResponse> sendConfirmationCode(@RequestBody MethodReference request, Authentication staff) {
		return this.contactMethods.sendCode(staff.getName(), request);
	}

	@Operation(summary = "Send a test message to one of my contact methods",
			description = "Shows how pages arrive on a confirmed method; it carries no alert")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found",
			description = "The caller has no such contact method, or no on-call staff record")
	@ProblemResponse(status = 409, type = "conflict", description = "The method awaits its confirmation")
	@ProblemResponse(status = 429, type = "rate-limited",
			description = "The caller sent 3 test messages within 10 minutes; `Retry-After` says when to try again")
	@PostMapping("/me/contact-methods/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<TestMessageResponse> sendTestMessage(@RequestBody MethodReference request, Authentication staff) {
		return this.contactMethods.sendTest(staff.getName(), request);
	}

	@Operation(summary = "A team's contact methods",
			description = "For one of the team's supervisors: its rotation, current overrides and supervisor, each with "
					+ "their methods, addresses masked, and who no page can reach")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = "SUPERVISOR")
	@ProblemResponse(status = 403, type = "forbidden",
			description = "The token does not hold `SUPERVISOR`, or the caller is not one of the team's supervisors")
	@ProblemResponse(status = 404, type = "not-found", description = "No team has this id")
	@GetMapping("/teams/{team}/contact-methods")
	Mono<TeamContactMethodsResponse> teamContactMethods(@PathVariable String team, Authentication staff) {
		return this.contactMethods.team(team, staff.getName());
	}

}
