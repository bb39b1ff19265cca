package org.treatmentnetwork.notification.oncall;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.notification.problems.InvalidRequestException;
import org.treatmentnetwork.notification.problems.NotFoundException;
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.openapi.ProblemResponse;

/**
 * Who is on call now, the teams' schedules (rotation, overrides, escalation policy), and
 * the record of changes to them.
 */
@Tag(name = "On call", description = "Who is on call, and the teams' schedules")
@RestController
@RequestMapping("/api/on-call")
class OnCallController {

	static final int DEFAULT_CHANGES = 50;

	static final int MAX_CHANGES = 200;

	private final OnCallDirectory directory;

	private final Schedules schedules;

	private final ScheduleChanges changes;

	private final OnCallProperties properties;

	private final Clock clock;

	OnCallController(OnCallDirectory directory, Schedules schedules, ScheduleChanges changes,
			OnCallProperties properties, Clock clock) {
		this.directory = directory;
		this.schedules = schedules;
		this.changes = changes;
		this.properties = properties;
		this.clock = clock;
	}

	@Operation(summary = "Who is on call now, per team", description = "No contact details")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@GetMapping("/now")
	Flux<TeamOnCallResponse> now() {
		String defaultTeam = this.properties.defaultTeam();
		return this.directory.everyTeam(this.clock.instant())
			.map(TeamOnCallResponse::from)
			.sort(Comparator.comparing((TeamOnCallResponse team) -> !team.team().equals(defaultTeam))
				.thenComparing(TeamOnCallResponse::team));
	}

	@Operation(summary = "A team's schedule", description = "Rotation, overrides and the supervisors who may change it")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@ProblemResponse(status = 404, type = "not-found", description = "No team has this id")
	@GetMapping("/schedules/{team}")
	Mono<ScheduleResponse> schedule(@PathVariable String team) {
		return this.directory.team(team)
			.map(ScheduleResponse::from)
			.switchIfEmpty(Mono.error(() -> new NotFoundException("There is no such team.")));
	}

	@Operation(summary = "Replace a team's schedule",
			description = "By one of the team's supervisors; `version` must be the one read. An equal schedule changes nothing.")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = "SUPERVISOR")
	@ProblemResponse(status = 404, type = "not-found", description = "No team has this id")
	@ProblemResponse(status = 409, type = "conflict",
			description = "Someone else changed the schedule since it was read")
	@PutMapping("/schedules/{team}")
	Mono<ScheduleResponse> replaceSchedule(@PathVariable String team, @RequestBody ScheduleRequest request,
			Authentication staff) {
		return this.schedules.replace(team, request, staff.getName()).map(ScheduleResponse::from);
	}

	@Operation(summary = "A team's schedule changes", description = "Who changed what and when, newest first")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = "SUPERVISOR")
	@ProblemResponse(status = 404, type = "not-found", description = "No team has this id")
	@GetMapping("/schedules/{team}/changes")
	Flux<ScheduleChangeResponse> scheduleChanges(@PathVariable String team,
			@RequestParam(required = false) Integer limit) {
		int max = parseLimit(limit);
		return this.directory.team(team)
			.switchIfEmpty(Mono.error(() -> new NotFoundException("There is no such team.")))
			.flatMapMany((found) -> this.changes.of(found.id(), max))
			.map(ScheduleChangeResponse::from);
	}

	private static int parseLimit(Integer limit) {
		if (limit == null) {
			return DEFAULT_CHANGES;
		}
		if (limit < 1 || limit > MAX_CHANGES) {
			throw new InvalidRequestException("limit", "must be between 1 and " + MAX_CHANGES);
		}
		return limit;
	}

	/**
	 * One team and who is on call for each escalation step.
	 *
	 * @param team the team key
	 * @param name the team's display name
	 * @param centerId the center it covers, {@code null} for network-wide
	 * @param steps who each step pages now, in step order
	 */
	record TeamOnCallResponse(String team, String name, String centerId, List<StepResponse> steps) {

		static TeamOnCallResponse from(OnCallDirectory.TeamOnCall onCall) {
			List<StepResponse> steps = new ArrayList<>();
			for (OnCallDirectory.StepOnCall step : onCall.steps()) {
				for (OnCallPerson person : step.people()) {
					steps.add(new StepResponse(step.step(), step.definition().target().name(), person.teamId(),
							person.staffId(), person.displayName(), person.since(), person.until()));
				}
			}
			return new TeamOnCallResponse(onCall.team().id(), onCall.team().name(), onCall.team().centerId(), steps);
		}

	}

	/**
	 * A person paged at one step.
	 *
	 * @param step the escalation step, starting at 1
	 * @param target {@code SCHEDULE}, {@code PERSON} or {@code SUPERVISOR}
	 * @param fromTeam the team on whose behalf they are paged (another team for a step
	 * that pages that team's schedule)
	 * @param staffId the staff id
	 * @param name the display name
	 * @param since start of the shift ({@code SCHEDULE} only)
	 * @param until end of the shift ({@code SCHEDULE} only)
	 */
	record StepResponse(int step, String target, String fromTeam, String staffId, String name, Instant since,
			Instant until) {

	}

}
