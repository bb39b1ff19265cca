package org.treatmentnetwork.notification.oncall;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.notification.problems.ConflictException;
import org.treatmentnetwork.notification.problems.ForbiddenException;
import org.treatmentnetwork.notification.problems.InvalidRequestException;
import org.treatmentnetwork.notification.problems.NotFoundException;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Validates and stores a team's schedule. Only the team's supervisors may change it. The
 * team is replaced in one atomic update that applies only to the revision the change was
 * computed from, and that update also stores the record of the change (who, when, what);
 * the dispatcher reads the team at every step, so a change applies to the next step of
 * every open alert.
 */
@Component
class Schedules {

	private static final int MAX_CONTACT_PARTS = 5;

	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	static final int MAX_MEMBERS = 50;

	static final int MAX_STEPS = 10;

	private final ReactiveMongoTemplate mongo;

	private final ScheduleChanges changes;

	private final Clock clock;

	Schedules(ReactiveMongoTemplate mongo, ScheduleChanges changes, Clock clock) {
		this.mongo = mongo;
		this.changes = changes;
		this.clock = clock;
	}

	static String kindOf(int shiftDays) {
		return switch (shiftDays) {
			case 1 -> "DAILY";
			case 7 -> "WEEKLY";
			default -> "EVERY_" + shiftDays + "_DAYS";
		};
	}

	/**
	 * Replaces a team's schedule: {@code 400} for an invalid body (before anything is
	 * looked up), {@code 404} for an unknown team, {@code 403} unless the staff member is
	 * one of the team's supervisors, {@code 409} if the schedule changed since it was
	 * read here. A body equal to the stored schedule changes and records nothing.
	 * @param teamId the team
	 * @param request the new schedule
	 * @param staffId the token's {@code sub} of the supervisor making the change
	 * @return the stored team
	 */
	Mono<TeamDocument> replace(String teamId, ScheduleRequest request, String staffId) {
		return Mono.fromCallable(() -> validate(request))
			.flatMap((validated) -> this.mongo.findById(teamId, TeamDocument.class)
				.switchIfEmpty(Mono.error(() -> new NotFoundException("There is no such team.")))
				.flatMap((team) -> authorize(team, staffId))
				.flatMap((team) -> checkReferences(teamId, request).thenReturn(team))
				.flatMap((team) -> store(team, new ScheduleSnapshot(request.supervisorId(), validated.rotation(),
						validated.overrides(), validated.policy()), staffId)));
	}

	private Mono<TeamDocument> authorize(TeamDocument team, String staffId) {
		if (team.isSupervisedBy(staffId)) {
			return Mono.just(team);
		}
		log.warn("Schedule change of team {} refused: {} is not one of its supervisors", team.id(), staffId);
		return Mono.error(new ForbiddenException("Only this team's supervisors may change its schedule."));
	}

	/**
	 * Stores a validated schedule over the team as it was read, with the record of what
	 * changed; {@code 409} if the team's revision is no longer the one read.
	 * @param team the team as read
	 * @param after the new schedule
	 * @param staffId who makes the change
	 * @return the stored team
	 */
	Mono<TeamDocument> store(TeamDocument team, ScheduleSnapshot after, String staffId) {
		ScheduleSnapshot before = ScheduleSnapshot.of(team);
		List<String> changed = before.differences(after);
		if (changed.isEmpty()) {
			log.info("Schedule of team {} left unchanged by {}: it was sent as stored", team.id(), staffId);
			return Mono.just(team);
		}
		long revision = ((team.revision() != null) ? team.revision() : 0) + 1;
		ScheduleChange change = new ScheduleChange(UUID.randomUUID().toString(), team.id(), staffId,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), revision, changed, before, after);
		Update update = new Update().set("rotation", after.rotation())
			.set("overrides", after.overrides())
			.set("supervisorId", after.supervisorId())
			.set("escalation", after.escalation())
			.set("revision", revision)
			.push(ScheduleChanges.PENDING, this.changes.pending(change));
		// null matches a team never changed through the API (no revision stored)
		return this.mongo
			.findAndModify(query(where("_id").is(team.id()).and("revision").is(team.revision())), update,
					FindAndModifyOptions.options().returnNew(true), TeamDocument.class)
			.switchIfEmpty(Mono.error(() -> new ConflictException(
					"The schedule was changed by someone else meanwhile. Reload it and try again.")))
			.doOnNext((stored) -> log.info("Schedule of team {} changed by {} (revision {}): {}", stored.id(), staffId,
					revision, String.join(", ", changed)))
			.flatMap((stored) -> this.changes.publish(stored.id()).onErrorResume((ex) -> {
				log.warn("Record of the schedule change of team {} (revision {}) not copied yet: {}", stored.id(),
						revision, ex.getClass().getName());
				return Mono.empty();
			}).thenReturn(stored));
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
			// milliseconds, as MongoDB stores them, so the record of the change says what
			// was stored
			overrides.add(new TeamDocument.StoredOverride(override.from().truncatedTo(ChronoUnit.MILLIS),
					override.until().truncatedTo(ChronoUnit.MILLIS), override.staffId()));
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
					(target == EscalationTarget.PERSON) ? step.staffId() : null, step.escalateAfterMinutes(),
					contact(step.contact())));
		}
		// Checked by constructing what the resolver will use.
		new Rotation(start, handoff, zone, shiftDays, members);
		return new Validated(new TeamDocument.StoredRotation(start.toString(), handoff.toString(), zone.getId(),
				shiftDays, List.copyOf(members)), overrides, new TeamDocument.StoredPolicy(steps, policy.repeat()));
	}

	private static List<TeamDocument.StoredContact> contact(List<ScheduleResponse.ContactView> parts) {
		if (parts == null || parts.isEmpty()) {
			return null;
		}
		if (parts.size() > MAX_CONTACT_PARTS) {
			throw new InvalidRequestException("escalation.steps.contact",
					"must list at most " + MAX_CONTACT_PARTS + " parts");
		}
		List<TeamDocument.StoredContact> stored = new ArrayList<>();
		for (ScheduleResponse.ContactView part : parts) {
			if (part == null) {
				throw new InvalidRequestException("escalation.steps.contact", "must not contain empty parts");
			}
			ContactMethod.Kind kind = parse("escalation.steps.contact.kind",
					() -> ContactMethod.Kind.valueOf(part.kind()), "must be EMAIL, SMS, VOICE or WEBHOOK");
			if (part.afterMinutes() < 0 || part.afterMinutes() > 60) {
				throw new InvalidRequestException("escalation.steps.contact.afterMinutes", "must be between 0 and 60");
			}
			stored.add(new TeamDocument.StoredContact(kind.name(), part.afterMinutes()));
		}
		return List.copyOf(stored);
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
