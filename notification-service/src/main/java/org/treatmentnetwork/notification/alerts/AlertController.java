package org.treatmentnetwork.notification.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.treatmentnetwork.notification.problems.ConflictException;
import org.treatmentnetwork.notification.problems.InvalidRequestException;
import org.treatmentnetwork.notification.problems.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.openapi.ProblemResponse;

/**
 * The staff API of alerts: reading needs {@code ON_CALL} or {@code SUPERVISOR},
 * acknowledging needs {@code ON_CALL} (see the security configuration).
 */
@Tag(name = "Alerts", description = "Pages to on-call staff and their acknowledgement")
@RestController
@RequestMapping("/api/alerts")
class AlertController {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 200;

	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private static final String STATES = String.join(", ", Arrays.stream(AlertState.values()).map(Enum::name).toList());

	private final Alerts alerts;

	AlertController(Alerts alerts) {
		this.alerts = alerts;
	}

	@Operation(summary = "List alerts", description = "Newest first, at most `limit`; filter by `state` or `reference`")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@GetMapping
	Flux<AlertSummary> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String reference, @RequestParam(required = false) Integer limit) {
		return this.alerts.search(parseState(state), parseReference(reference), parseLimit(limit))
			.map(AlertSummary::from);
	}

	@Operation(summary = "Read an alert with its timeline", description = "Pages, escalations and acknowledgements")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found", description = "No alert has this id")
	@GetMapping("/{id}")
	Mono<AlertDetail> get(@PathVariable String id) {
		return this.alerts.findById(id).map(AlertDetail::from).switchIfEmpty(Mono.error(AlertController::notFound));
	}

	@Operation(summary = "Acknowledge an alert",
			description = "Stops the escalation; until the person who asked is contacted, the acknowledger is paged again "
					+ "when first contact is due, and later the escalation resumes")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = "ON_CALL")
	@ProblemResponse(status = 404, type = "not-found", description = "No alert has this id")
	@ProblemResponse(status = 409, type = "conflict", description = "The alert is resolved")
	@PostMapping("/{id}/acknowledge")
	Mono<AlertDetail> acknowledge(@PathVariable String id, Authentication staff) {
		return this.alerts.acknowledge(id, staff.getName(), TimelineChannel.API)
			.map(AlertDetail::from)
			.onErrorMap(AlertAlreadyResolvedException.class,
					(resolved) -> new ConflictException("The alert is already resolved."))
			.switchIfEmpty(Mono.error(AlertController::notFound));
	}

	private static NotFoundException notFound() {
		return new NotFoundException("No alert with this id.");
	}

	private static AlertState parseState(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return AlertState.valueOf(state.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("state", "must be one of " + STATES);
		}
	}

	private static String parseReference(String reference) {
		if (reference == null || reference.isBlank()) {
			return null;
		}
		String trimmed = reference.trim();
		if (!REFERENCE.matcher(trimmed).matches()) {
			throw new InvalidRequestException("reference", "must be 1 to 40 letters, digits or dashes");
		}
		return trimmed;
	}

	private static int parseLimit(Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return limit;
	}

}
