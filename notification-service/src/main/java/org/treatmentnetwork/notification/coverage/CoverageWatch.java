package org.treatmentnetwork.notification.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.channels.AlertMessage;
import org.treatmentnetwork.notification.channels.DeliveryChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.EscalationStep;
import org.treatmentnetwork.notification.oncall.EscalationTarget;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.OnCallPerson;
import org.treatmentnetwork.notification.oncall.OnCallProperties;
import org.treatmentnetwork.notification.store.StoreReadyEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.servicedefaults.background.BackgroundLoop;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Warns supervisors ahead of time when a team will have nobody reachable on call within
 * the horizon (24 hours by default): an empty rotation without an override, or a member
 * on call who has no usable contact method (none at all, or only ones awaiting their
 * confirmation).
 * <p>
 * Each instance checks every {@code check-interval}; a warning is claimed by inserting a
 * document into {@code coverage_warnings} whose id is the team and the gap's start
 * (rounded down to the check interval when the gap has already begun), so with several
 * instances only the one whose insert succeeds sends it, and a gap that is still open at
 * the next check (overlapping a stored warning) is not reported again.
 */
@Component
class CoverageWatch extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(CoverageWatch.class);

	static final String COLLECTION = "coverage_warnings";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

	private final OnCallDirectory directory;

	private final Map<ContactMethod.Kind, DeliveryChannel> channels = new EnumMap<>(ContactMethod.Kind.class);

	private final ReactiveMongoTemplate mongo;

	private final CoverageProperties properties;

	private final String defaultTeam;

	private final Clock clock;

	CoverageWatch(OnCallDirectory directory, List<DeliveryChannel> channels, ReactiveMongoTemplate mongo,
			CoverageProperties properties, OnCallProperties onCall, Clock clock) {
		super("Coverage check", java.time.Duration.ZERO, properties.checkInterval());
		this.directory = directory;
		channels.forEach((channel) -> this.channels.put(channel.kind(), channel));
		this.mongo = mongo;
		this.properties = properties;
		this.defaultTeam = onCall.defaultTeam();
		this.clock = clock;
	}

	@EventListener(StoreReadyEvent.class)
	void onStoreReady() {
		start();
	}

	@Override
	protected Mono<Integer> runRound(boolean scheduled) {
		return check();
	}

	/**
	 * Check every team once and warn about new gaps.
	 * @return the number of warnings this call sent; never errors
	 */
	Mono<Integer> check() {
		Instant now = this.clock.instant();
		return this.directory.teamIds()
			.concatMap((teamId) -> this.directory.gaps(teamId, now, this.properties.horizon())
				.flatMapMany(Flux::fromIterable)
				.concatMap((gap) -> claim(teamId, gap, now))
				.concatMap((gap) -> warn(teamId, gap)))
			.count()
			.map(Long::intValue)
			.onErrorResume((ex) -> {
				log.warn("Coverage check failed, retrying at the next interval: {}", ex.toString());
				return Mono.just(0);
			});
	}

	private Mono<OnCallDirectory.Gap> claim(String teamId, OnCallDirectory.Gap gap, Instant now) {
		Mono<Boolean> known = this.mongo.exists(
				query(where("teamId").is(teamId).and("until").gte(gap.from()).and("from").lte(gap.until())),
				COLLECTION);
		long bucket = this.properties.checkInterval().toMillis();
		Instant key = gap.from().isAfter(now) ? gap.from()
				: Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), bucket) * bucket);
		org.bson.Document warning = new org.bson.Document("_id", teamId + "|" + key).append("teamId", teamId)
			.append("from", java.util.Date.from(gap.from()))
			.append("until", java.util.Date.from(gap.until()))
			.append("createdAt", java.util.Date.from(now));
		return known.flatMap((exists) -> exists ? Mono.<OnCallDirectory.Gap>empty()
				: this.mongo.insert(warning, COLLECTION)
					.thenReturn(gap)
					.onErrorResume(DuplicateKeyException.class, (duplicate) -> Mono.empty()));
	}

	private Mono<Boolean> warn(String teamId, OnCallDirectory.Gap gap) {
		EscalationStep supervisor = new EscalationStep(EscalationTarget.SUPERVISOR, null, null,
				java.time.Duration.ZERO);
		Flux<OnCallPerson> supervisors = this.directory.targets(teamId, supervisor, gap.from())
			.concatWith(teamId.equals(this.defaultTeam) ? Flux.empty()
					: this.directory.targets(this.defaultTeam, supervisor, gap.from()))
			.distinct(OnCallPerson::staffId);
		return supervisors.concatMap((person) -> send(teamId, gap, person))
			.reduce(Boolean.FALSE, Boolean::logicalOr)
			.flatMap((sent) -> {
				log.warn("Coverage gap for team {} from {} until {}: supervisors {}", teamId, gap.from(), gap.until(),
						sent ? "warned" : "could NOT be warned");
				return this.mongo
					.updateFirst(query(where("teamId").is(teamId).and("from").is(java.util.Date.from(gap.from()))),
							new Update().set("warned", sent), COLLECTION)
					.thenReturn(sent);
			});
	}

	private Mono<Boolean> send(String teamId, OnCallDirectory.Gap gap, OnCallPerson person) {
		String from = TIME.format(gap.from().atZone(person.zone()));
		String until = TIME.format(gap.until().atZone(person.zone()));
		String text = "Coverage gap: team " + teamId + " has nobody reachable on call from " + from + " until " + until
				+ ". Please arrange cover.";
		AlertMessage message = new AlertMessage(null, "[COVERAGE] Team " + teamId + " has nobody on call soon",
				text + "\n", text, Map.of("team", teamId, "from", gap.from().toString(), "until",
						gap.until().toString(), "kind", "COVERAGE_GAP"));
		return Flux.fromIterable(person.methods())
			.filter(ContactMethod::usable)
			.filter((method) -> Optional.ofNullable(this.channels.get(method.kind()))
				.map(DeliveryChannel::enabled)
				.orElse(false))
			.concatMap((method) -> this.channels.get(method.kind())
				.send(person.staffId(), message.to(method.address()))
				.thenReturn(Boolean.TRUE)
				.onErrorResume((ex) -> {
					log.warn("Coverage warning to {} by {} failed: {}", person.staffId(), method.kind(), ex.toString());
					return Mono.just(Boolean.FALSE);
				}))
			.filter(Boolean::booleanValue)
			.next()
			.defaultIfEmpty(Boolean.FALSE);
	}

}
