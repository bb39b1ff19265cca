package org.treatmentnetwork.notification.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Answers who is on call and whom each escalation step pages, from the stored teams and
 * staff.
 */
@Component
public class OnCallDirectory {

	private final ReactiveMongoTemplate mongo;

	private final OnCallProperties properties;

	private final OnCallResolver resolver = new OnCallResolver();

	OnCallDirectory(ReactiveMongoTemplate mongo, OnCallProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/**
	 * The escalation policy for an alert: that of the center's team if it has one,
	 * otherwise of the default (network-wide) team.
	 * @param centerId the alert's center, {@code null} for network-wide
	 * @return the plan, or empty if not even the default team exists
	 */
	public Mono<EscalationPlan> planFor(String centerId) {
		return teamFor(centerId).map(TeamDocument::toPlan);
	}

	/**
	 * Whom a step of a team's policy pages at an instant.
	 * @param teamId the team whose policy it is
	 * @param step the step
	 * @param at the instant
	 * @return the people, possibly none (nobody on call, unknown staff)
	 */
	public Flux<OnCallPerson> targets(String teamId, EscalationStep step, Instant at) {
		return this.mongo.findById(teamId, TeamDocument.class).flatMapMany((team) -> switch (step.target()) {
			case SCHEDULE -> ((step.teamId() != null && !step.teamId().equals(teamId))
					? this.mongo.findById(step.teamId(), TeamDocument.class) : Mono.just(team))
				.flatMap((scheduleTeam) -> onCall(scheduleTeam, at));
			case PERSON -> member(step.staffId(), team);
			case SUPERVISOR -> member(team.supervisorId(), team);
		});
	}

	/**
	 * A staff member, to page them outside of a step (such as the person who acknowledged
	 * an alert).
	 * @param staffId the staff id
	 * @param centerId the alert's center, for the zone of times
	 * @return the person, or empty if unknown
	 */
	public Mono<OnCallPerson> staffMember(String staffId, String centerId) {
		return teamFor(centerId).flatMap((team) -> member(staffId, team));
	}

	Flux<TeamOnCall> everyTeam(Instant at) {
		return this.mongo.findAll(TeamDocument.class)
			.sort(Comparator.comparing(TeamDocument::id))
			.concatMap((team) -> stepsOnCall(team, at).map((steps) -> new TeamOnCall(team, steps)));
	}

	Mono<TeamDocument> team(String teamId) {
		return this.mongo.findById(teamId, TeamDocument.class);
	}

	/**
	 * Every team's key.
	 * @return the keys
	 */
	public Flux<String> teamIds() {
		return this.mongo.findAll(TeamDocument.class).map(TeamDocument::id);
	}

	Flux<TeamDocument> teams() {
		return this.mongo.findAll(TeamDocument.class);
	}

	Mono<Boolean> staffExists(String staffId) {
		return this.mongo.exists(query(where("_id").is(staffId)), StaffDocument.class);
	}

	/**
	 * The people a team's schedule names, for the view of their contact methods.
	 * @param teamId the team
	 * @param at overrides that ended before this instant are left out
	 * @return the roster, or empty if there is no such team
	 */
	public Mono<TeamRoster> roster(String teamId, Instant at) {
		return this.mongo.findById(teamId, TeamDocument.class).map((team) -> TeamRoster.of(team, at));
	}

	/**
	 * The periods within {@code [from, from + horizon)} in which nobody reachable is on
	 * call in the team's rotation (overrides included): nobody is on call, or the person
	 * on call has no usable contact method (none at all, or only ones awaiting their
	 * confirmation).
	 * @param teamId the team
	 * @param from the start
	 * @param horizon how far to look
	 * @return the gaps, oldest first; empty if there is no such team
	 */
	public Mono<List<Gap>> gaps(String teamId, Instant from, Duration horizon) {
		return this.mongo.findById(teamId, TeamDocument.class).flatMap((team) -> gaps(team, from, horizon));
	}

	Mono<List<Gap>> gaps(TeamDocument team, Instant from, Duration horizon) {
		Instant end = from.plus(horizon);
		List<Shift> shifts = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		Rotation rotation = team.toRotation();
		List<RotationOverride> overrides = team.toOverrides();
		Instant at = from;
		int guard = 0;
		while (at.isBefore(end) && guard++ < 1000) {
			Optional<Shift> shift = this.resolver.onCallAt(rotation, overrides, at);
			if (shift.isPresent()) {
				shifts.add(shift.get());
				at = shift.get().until();
			}
			else {
				Instant current = at;
				Instant next = overrides.stream()
					.map(RotationOverride::from)
					.filter((start) -> start.isAfter(current))
					.min(Comparator.naturalOrder())
					.orElse(end);
				gaps.add(new Gap(current, next.isBefore(end) ? next : end));
				at = next;
			}
		}
		return Flux.fromIterable(shifts)
			.concatMap((shift) -> this.mongo.findById(shift.staffId(), StaffDocument.class)
				.map(StaffDocument::reachable)
				.defaultIfEmpty(false)
				.filter((reachable) -> !reachable)
				.map((unreachable) -> new Gap(shift.since().isBefore(from) ? from : shift.since(),
						shift.until().isAfter(end) ? end : shift.until())))
			.collectList()
			.map((unreachable) -> {
				List<Gap> all = new ArrayList<>(gaps);
				all.addAll(unreachable);
				all.sort(Comparator.comparing(Gap::from));
				return all;
			});
	}

	private Mono<TeamDocument> teamFor(String centerId) {
		Mono<TeamDocument> centerTeam = (centerId != null)
				? this.mongo.findOne(query(where("centerId").is(centerId)), TeamDocument.class) : Mono.empty();
		return centerTeam
			.switchIfEmpty(Mono.defer(() -> this.mongo.findById(this.properties.defaultTeam(), TeamDocument.class)));
	}

	private Mono<List<StepOnCall>> stepsOnCall(TeamDocument team, Instant at) {
		EscalationPlan plan = team.toPlan();
		List<EscalationStep> steps = plan.steps();
		return Flux.range(0, steps.size())
			.concatMap((index) -> targets(team.id(), steps.get(index), at).collectList()
				.map((people) -> new StepOnCall(index + 1, steps.get(index), people)))
			.collectList();
	}

	private Mono<OnCallPerson> onCall(TeamDocument team, Instant at) {
		return Mono.justOrEmpty(this.resolver.onCallAt(team.toRotation(), team.toOverrides(), at))
			.flatMap((shift) -> this.mongo.findById(shift.staffId(), StaffDocument.class)
				.map((staff) -> new OnCallPerson(team.id(), staff.id(), staff.displayName(), staff.email(), team.zone(),
						shift.since(), shift.until(), staff.methods())));
	}

	private Mono<OnCallPerson> member(String staffId, TeamDocument team) {
		if (staffId == null) {
			return Mono.empty();
		}
		return this.mongo.findById(staffId, StaffDocument.class)
			.map((staff) -> new OnCallPerson(team.id(), staff.id(), staff.displayName(), staff.email(), team.zone(),
					null, null, staff.methods()));
	}

	/**
	 * A team and who each of its escalation steps pages now.
	 *
	 * @param team the team
	 * @param steps the steps
	 */
	record TeamOnCall(TeamDocument team, List<StepOnCall> steps) {

	}

	/**
	 * Who one step pages now.
	 *
	 * @param step the step number, from 1
	 * @param definition the step
	 * @param people who it pages
	 */
	record StepOnCall(int step, EscalationStep definition, List<OnCallPerson> people) {

	}

	/**
	 * A period in which nobody reachable is on call.
	 *
	 * @param from start, inclusive
	 * @param until end, exclusive
	 */
	public record Gap(Instant from, Instant until) {

	}

	/**
	 * The staff members who page to this phone number (a confirmed text or call method):
	 * whose replies a text from it is.
	 * @param number the number, E.164
	 * @return their staff ids
	 */
	public Flux<String> staffWithPhone(String number) {
		return this.mongo.find(query(where("contactMethods.address").is(number)), StaffDocument.class)
			.filter((staff) -> staff.contactMethods()
				.stream()
				.anyMatch((method) -> (method.kind() == ContactMethod.Kind.SMS
						|| method.kind() == ContactMethod.Kind.VOICE) && method.usable()
						&& number.equals(method.address())))
			.map(StaffDocument::id);
	}

}
