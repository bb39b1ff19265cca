package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Answers who is on call, from the stored teams and staff.
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
	 * The step-1 person for an alert: the rotation of the center's team if it has one,
	 * otherwise of the default (network-wide) team.
	 * @param centerId the alert's center, {@code null} for network-wide
	 * @param at the instant
	 * @return the person, or empty if no team or nobody is on call
	 */
	public Mono<OnCallPerson> stepOneFor(String centerId, Instant at) {
		Mono<TeamDocument> centerTeam = (centerId != null)
				? this.mongo.findOne(query(where("centerId").is(centerId)), TeamDocument.class) : Mono.empty();
		return centerTeam
			.switchIfEmpty(Mono.defer(() -> this.mongo.findById(this.properties.defaultTeam(), TeamDocument.class)))
			.flatMap((team) -> person(team, at));
	}

	Flux<TeamOnCall> everyTeam(Instant at) {
		return this.mongo.findAll(TeamDocument.class)
			.concatMap((team) -> person(team, at).map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.map((person) -> new TeamOnCall(team, person.orElse(null))));
	}

	private Mono<OnCallPerson> person(TeamDocument team, Instant at) {
		return Mono.justOrEmpty(this.resolver.onCallAt(team.toRotation(), team.toOverrides(), at))
			.flatMap((shift) -> this.mongo.findById(shift.staffId(), StaffDocument.class)
				.map((staff) -> new OnCallPerson(team.id(), staff.id(), staff.displayName(), staff.email(), team.zone(),
						shift.since(), shift.until())));
	}

	/**
	 * A team and who is on call for it.
	 *
	 * @param team the team
	 * @param stepOne the step-1 person, {@code null} if nobody
	 */
	record TeamOnCall(TeamDocument team, OnCallPerson stepOne) {

	}

}
