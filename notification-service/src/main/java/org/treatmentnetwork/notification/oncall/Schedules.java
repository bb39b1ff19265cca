package org.treatmentnetwork.notification.oncall;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.notification.problems.InvalidRequestException;
import org.treatmentnetwork.notification.problems.NotFoundException;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Validates and stores a team's schedule. The team is replaced in one atomic update; the
 * dispatcher reads the team at every step, so a change applies to the next step of every
 * open alert.
 */
@Component
class Schedules {

	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	static final int MAX_MEMBERS = 50;

	static final int MAX_STEPS = 10;

	private final ReactiveMongoTemplate mongo;

	Schedules(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	static String kindOf(int shiftDays) {
		return switch (shiftDays) {
			case 1 -> "DAILY";
			case 7 -> "WEEKLY";
			default -> "EVERY_" + shiftDays + "_DAYS";
		};
	}

	Mono<TeamDocument> replace(String teamId, ScheduleRequest request) {
		return Mono.fromCallable(() -> validate(request))
			.flatMap((validated) -> this.mongo.exists(query(where("_id").is(teamId)), TeamDocument.class)
				.flatMap((exists) -> exists ? Mono.just(validated)
						: Mono.error(new NotFoundException("There is no such team.")))
				.flatMap((team) -> checkReferences(teamId, request).then(Mono.just(validated))))
			.flatMap((validated) -> this.mongo.findAndModify(query(where("_id").is(teamId)),
					new Update().set("rotation", validated.rotation())
						.set("overrides", validated.overrides())
						.set("supervisorId", request.supervisorId())
						.set("escalation", validated.policy()),
					FindAndModifyOptions.options().returnNew(true), TeamDocument.class))
			.doOnNext((team) -> log.info("Schedule of team {} replaced", team.id()));
	}

	private Validated validate(ScheduleRequest request) {
		if (request == null) {
			throw new InvalidRequestException("body", "must not be empty");
		}
		if (request.supervisorId() == null || request.supervisorId().isBlank()) {
			throw new InvalidRequestException("supervisorId", "must not be blank");
		}
		ScheduleResponse.RotationView rotation = request.rotation();
		if (rotation == null) {
			throw new InvalidRequestException("rotation", "must not be empty");
		}
		int shiftDays;
		if ("DAILY".equals(rotation.kind())) {
			shiftDays = 1;
		}
		else if ("WEEKLY".equals(rotation.kind())) {
			shiftDays = 7;
		}
		else {
			throw new InvalidRequestException("rotation.kind", "must be DAILY or WEEKLY");
		}
		LocalDate start = parse("rotation.startDate", () -> LocalDate.parse(rotation.startDate()),
				"must be a date such as 2026-01-05");
		LocalTime handoff = parse("rotation.handoffTime", () -> LocalTime.parse(rotation.handoffTime()),
				"must be a time such as 08:00");
		ZoneId zone = parse("rotation.zone", () -> ZoneId.of(rotation.zone()),
				"must be a time zone such as America/New_York");
		List<String> members = (rotation.members() != null) ? rotation.members() : List.of();
		if (members.isEmpty() || members.size() > MAX_MEMBERS) {
			throw new InvalidRequestException("rotation.members", "must list 1 to " + MAX_MEMBERS + " staff ids");
		}
		if (members.stream().anyMatch((member) -> member == null || member.isBlank())) {
			throw new InvalidRequestException("rotation.members", "must not contain blank staff ids");
		}
		List<TeamDocument.StoredOverride> overrides = new ArrayList<>();
		for (ScheduleResponse.OverrideView override : (request.overrides() != null) ? request.overrides()
				: List.<ScheduleResponse.OverrideView>of()) {
			if (override == null || override.from() == null || override.until() == null
					|| !override.from().isBefore(override.until())) {
				throw new InvalidRequestException("overrides", "each override needs from before until");
			}
			if (override.staffId() == null || override.staffId().isBlank()) {
				throw new InvalidRequestException("overrides", "each override needs a staffId");
			}
			overrides.add(new TeamDocument.StoredOverride(override.from(), override.until(), override.staffId()));
		}
		ScheduleResponse.PolicyView policy = request.escalation();
		if (policy == null || policy.steps() == null || policy.steps().isEmpty() || policy.steps().size() > MAX_STEPS) {
			throw new InvalidRequestException("escalation.steps", "must list 1 to " + MAX_STEPS + " steps");
		}
		if (policy.repeat() < 0 || policy.repeat() > 10) {
			throw new InvalidRequestException("escalation.repeat", "must be between 0 and 10");
		}
		List<TeamDocument.StoredStep> steps = new ArrayList<>();
		for (ScheduleResponse.StepView step : policy.steps()) {
			if (step == null) {
				throw new InvalidRequestException("escalation.steps", "must not contain empty steps");
			}
			EscalationTarget target = parse("escalation.steps.target", () -> EscalationTarget.valueOf(step.target()),
					"must be SCHEDULE, PERSON or SUPERVISOR");
			if (target == EscalationTarget.PERSON && (step.staffId() == null || step.staffId().isBlank())) {
				throw new InvalidRequestException("escalation.steps.staffId", "is required for a PERSON step");
			}
			if (step.escalateAfterMinutes() < 1 || step.escalateAfterMinutes() > 1440) {
				throw new InvalidRequestException("escalation.steps.escalateAfterMinutes",
						"must be between 1 and 1440");
			}
			steps.add(new TeamDocument.StoredStep(target.name(),
					(target == EscalationTarget.SCHEDULE) ? step.teamId() : null,
					(target == EscalationTarget.PERSON) ? step.staffId() : null, step.escalateAfterMinutes()));
		}
		// Checked by constructing what the resolver will use.
		new Rotation(start, handoff, zone, shiftDays, members);
		return new Validated(new TeamDocument.StoredRotation(start.toString(), handoff.toString(), zone.getId(),
				shiftDays, List.copyOf(members)), overrides, new TeamDocument.StoredPolicy(steps, policy.repeat()));
	}

	private Mono<Void> checkReferences(String teamId, ScheduleRequest request) {
		Set<String> staff = new LinkedHashSet<>(request.rotation().members());
		staff.add(request.supervisorId());
		if (request.overrides() != null) {
			request.overrides().forEach((override) -> staff.add(override.staffId()));
		}
		Set<String> teams = new LinkedHashSet<>();
		for (ScheduleResponse.StepView step : request.escalation().steps()) {
			if ("PERSON".equals(step.target())) {
				staff.add(step.staffId());
			}
			if ("SCHEDULE".equals(step.target()) && step.teamId() != null && !step.teamId().equals(teamId)) {
				teams.add(step.teamId());
			}
		}
		Mono<Void> staffChecked = Flux.fromIterable(staff)
			.concatMap((id) -> this.mongo.exists(query(where("_id").is(id)), StaffDocument.class)
				.flatMap((exists) -> exists ? Mono.<Void>empty()
						: Mono.error(new InvalidRequestException("staff", "refers to an unknown staff id"))))
			.then();
		Mono<Void> teamsChecked = Flux.fromIterable(teams)
			.concatMap((id) -> this.mongo.exists(query(where("_id").is(id)), TeamDocument.class)
				.flatMap((exists) -> exists ? Mono.<Void>empty()
						: Mono.error(
								new InvalidRequestException("escalation.steps.teamId", "refers to an unknown team"))))
			.then();
		return staffChecked.then(teamsChecked);
	}

	private static <T> T parse(String field, java.util.concurrent.Callable<T> parser, String message) {
		try {
			T value = parser.call();
			if (value == null) {
				throw new InvalidRequestException(field, message);
			}
			return value;
		}
		catch (DateTimeException | IllegalArgumentException | NullPointerException ex) {
			throw new InvalidRequestException(field, message);
		}
		catch (InvalidRequestException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new InvalidRequestException(field, message);
		}
	}

	/**
	 * A validated schedule, ready to store.
	 */
	private record Validated(TeamDocument.StoredRotation rotation, List<TeamDocument.StoredOverride> overrides,
			TeamDocument.StoredPolicy policy) {

	}

}
