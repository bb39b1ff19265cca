package org.treatmentnetwork.notification.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Every read and state change of alerts. Each change is a single-document atomic
 * operation guarded by the state it expects, so redelivered events, concurrent instances
 * and concurrent staff actions cannot apply a transition twice.
 */
@Component
public class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final EscalationProperties escalation;

	Alerts(ReactiveMongoTemplate mongo, Clock clock, ApplicationEventPublisher events,
			EscalationProperties escalation) {
		this.mongo = mongo;
		this.clock = clock;
		this.events = events;
		this.escalation = escalation;
	}

	/**
	 * Open the alert for a contact request, due for paging at once. A second call for the
	 * same request changes nothing.
	 * @param alert what the alert is about
	 * @return {@code true} if this call created the alert, {@code false} if the request
	 * already had one
	 */
	public Mono<Boolean> open(NewAlert alert) {
		Instant now = this.clock.instant();
		String source = (alert.source() != null) ? alert.source() : "an unknown source";
		TimelineEntry created = TimelineEntry.of(now, TimelineType.CREATED, "Contact request received from " + source);
		AlertDocument document = new AlertDocument(UUID.randomUUID().toString(), alert.requestId(),
				alert.sourceEventId(), alert.reference(), alert.urgency(), alert.source(), alert.centerId(),
				alert.firstContactDueAt(), AlertState.TRIGGERED, now, null, null, null, List.of(created), 1, now, null,
				null, 0, 0, false, now, List.of());
		return this.mongo.insert(document).map((saved) -> {
			log.info("Alert {} opened for request {} (reference {}, urgency {})", saved.id(), saved.requestId(),
					saved.reference(), saved.urgency());
			this.events.publishEvent(new AlertTriggered(saved.id()));
			return true;
		}).onErrorResume(DuplicateKeyException.class, (duplicate) -> {
			log.debug("Request {} already has an alert; nothing to do", alert.requestId());
			return Mono.just(false);
		});
	}

	/**
	 * Attach a request that intake marked as a duplicate to the open alert of the earlier
	 * request, instead of paging again. Idempotent.
	 * @param originalRequestId the earlier request
	 * @param duplicateRequestId the duplicate
	 * @param reference the duplicate's reference
	 * @return {@code true} if the duplicate is (now or already) attached to an open
	 * alert; {@code false} if the earlier request has no open alert, so the duplicate
	 * must page on its own
	 */
	public Mono<Boolean> attachDuplicate(String originalRequestId, String duplicateRequestId, String reference) {
		Instant now = this.clock.instant();
		Query open = query(where(AlertDocument.REQUEST_ID).is(originalRequestId)
			.and(AlertDocument.STATE)
			.in(AlertState.TRIGGERED, AlertState.ACKNOWLEDGED)
			.and(AlertDocument.LINKED_REQUEST_IDS)
			.ne(duplicateRequestId));
		Update attach = new Update().addToSet(AlertDocument.LINKED_REQUEST_IDS, duplicateRequestId)
			.set(AlertDocument.UPDATED_AT, now)
			.push(AlertDocument.TIMELINE, TimelineEntry.of(now, TimelineType.DUPLICATE_LINKED,
					"The same person reached out again (request " + reference + "); not paged again"));
		return this.mongo.updateFirst(open, attach, AlertDocument.class).flatMap((result) -> {
			if (result.getModifiedCount() > 0) {
				log.info("Request {} attached to the open alert of request {}", duplicateRequestId, originalRequestId);
				return Mono.just(true);
			}
			return this.mongo.exists(query(where(AlertDocument.REQUEST_ID).is(originalRequestId)
				.and(AlertDocument.STATE)
				.in(AlertState.TRIGGERED, AlertState.ACKNOWLEDGED)
				.and(AlertDocument.LINKED_REQUEST_IDS)
				.is(duplicateRequestId)), AlertDocument.class);
		});
	}

	/**
	 * Resolve the open alert of a request (or the alert it is attached to as a
	 * duplicate), if there is one. Idempotent.
	 * @param requestId the contact request id
	 * @param requestStatus the request status that resolves the alert
	 * @return {@code true} if this call resolved the alert
	 */
	public Mono<Boolean> resolveForRequest(String requestId, String requestStatus) {
		Instant now = this.clock.instant();
		Query open = query(new Criteria().andOperator(
				new Criteria().orOperator(where(AlertDocument.REQUEST_ID).is(requestId),
						where(AlertDocument.LINKED_REQUEST_IDS).is(requestId)),
				where(AlertDocument.STATE).in(AlertState.TRIGGERED, AlertState.ACKNOWLEDGED)));
		Update resolve = stopPaging(new Update().set(AlertDocument.STATE, AlertState.RESOLVED)
			.set(AlertDocument.RESOLVED_AT, now)
			.set(AlertDocument.UPDATED_AT, now)
			.push(AlertDocument.TIMELINE,
					TimelineEntry.of(now, TimelineType.RESOLVED, "Request status changed to " + requestStatus)));
		return this.mongo.updateFirst(open, resolve, AlertDocument.class).map((result) -> {
			boolean resolved = result.getModifiedCount() > 0;
			if (resolved) {
				log.info("Alert for request {} resolved (request {})", requestId, requestStatus);
			}
			return resolved;
		});
	}

	/**
	 * Acknowledge an alert on behalf of a staff member: paging stops. Acknowledging an
	 * acknowledged alert changes nothing, unless its first contact is overdue and the
	 * acknowledger was reminded: then the new acknowledgement holds for another grace
	 * period. An acknowledgement is not a call back: if the request is still not
	 * contacted at its first-contact due time, the next action reminds the acknowledger.
	 * @param id the alert id
	 * @param staffId who acknowledges
	 * @param channel how the acknowledgement came in
	 * @return the alert after the call; empty if there is no such alert; an
	 * {@link AlertAlreadyResolvedException} if it is resolved
	 */
	public Mono<AlertDocument> acknowledge(String id, String staffId, TimelineChannel channel) {
		return findById(id).flatMap((current) -> {
			if (current.state() == AlertState.RESOLVED) {
				return Mono.error(new AlertAlreadyResolvedException());
			}
			Instant now = this.clock.instant();
			Query open = query(new Criteria().andOperator(where(AlertDocument.ID).is(id),
					new Criteria().orOperator(where(AlertDocument.STATE).is(AlertState.TRIGGERED),
							where(AlertDocument.STATE).is(AlertState.ACKNOWLEDGED)
								.and(AlertDocument.CONTACT_OVERDUE)
								.is(true))));
			Update acknowledge = new Update().set(AlertDocument.STATE, AlertState.ACKNOWLEDGED)
				.set(AlertDocument.ACKNOWLEDGED_AT, now)
				.set(AlertDocument.ACKNOWLEDGED_BY, staffId)
				.set(AlertDocument.CONTACT_OVERDUE, false)
				.set(AlertDocument.DELIVERY_ATTEMPTS, 0)
				.set(AlertDocument.UPDATED_AT, now)
				.unset(AlertDocument.LEASE_OWNER)
				.unset(AlertDocument.LEASE_UNTIL)
				.push(AlertDocument.TIMELINE,
						new TimelineEntry(now, TimelineType.ACKNOWLEDGED, staffId, channel, "Acknowledged"));
			Instant check = contactCheckAt(current, now);
			if (check != null) {
				acknowledge.set(AlertDocument.NEXT_ACTION_AT, check);
			}
			else {
				acknowledge.unset(AlertDocument.NEXT_ACTION_AT);
			}
			return this.mongo
				.findAndModify(open, acknowledge, FindAndModifyOptions.options().returnNew(true), AlertDocument.class)
				.doOnNext((alert) -> log.info("Alert {} acknowledged by {} via {}", id, staffId, channel))
				.switchIfEmpty(
						Mono.defer(() -> findById(id).flatMap((existing) -> (existing.state() == AlertState.RESOLVED)
								? Mono.error(new AlertAlreadyResolvedException()) : Mono.just(existing))));
		});
	}

	private Instant contactCheckAt(AlertDocument alert, Instant now) {
		if (alert.firstContactDueAt() == null) {
			return null;
		}
		if (alert.firstContactDueAt().isAfter(now)) {
			return alert.firstContactDueAt();
		}
		return now.plus(this.escalation.overdueGrace(alert.urgency()));
	}

	/**
	 * Claim the most overdue alert whose next action is due and that no other instance
	 * holds: a triggered alert's next escalation step, or an acknowledged alert whose
	 * first contact is overdue.
	 * @param owner the claiming instance
	 * @param lease how long the claim holds
	 * @return the claimed alert, or empty if nothing is due
	 */
	public Mono<AlertDocument> claimNextDue(String owner, Duration lease) {
		Instant now = this.clock.instant();
		return claim(query(dueAt(now)).with(Sort.by(AlertDocument.NEXT_ACTION_AT)), owner, lease, now);
	}

	/**
	 * Claim one alert, found by id, if its next action is due and no other instance holds
	 * it: the same conditions as {@link #claimNextDue}, without looking through the other
	 * alerts.
	 * @param id the alert
	 * @param owner the claiming instance
	 * @param lease how long the claim holds
	 * @return the claimed alert, or empty if it is not due, held, closed or unknown
	 */
	public Mono<AlertDocument> claimIfDue(String id, String owner, Duration lease) {
		Instant now = this.clock.instant();
		return claim(query(where(AlertDocument.ID).is(id).andOperator(dueAt(now))), owner, lease, now);
	}

	private Mono<AlertDocument> claim(Query due, String owner, Duration lease, Instant now) {
		Update claim = new Update().set(AlertDocument.LEASE_OWNER, owner)
			.set(AlertDocument.LEASE_UNTIL, now.plus(lease));
		return this.mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
				AlertDocument.class);
	}

	private static Criteria dueAt(Instant now) {
		return new Criteria().andOperator(where(AlertDocument.STATE).in(AlertState.TRIGGERED, AlertState.ACKNOWLEDGED),
				where(AlertDocument.NEXT_ACTION_AT).lte(now), new Criteria()
					.orOperator(where(AlertDocument.LEASE_UNTIL).is(null), where(AlertDocument.LEASE_UNTIL).lte(now)));
	}

	/**
	 * Record what a dispatch did and when to act next, and release the claim. If the
	 * claim was lost meanwhile (acknowledged, resolved, lease expired), only the timeline
	 * entries are added, so the history stays complete without overriding what happened
	 * since.
	 * @param alertId the alert
	 * @param owner the instance that claimed it
	 * @param entries the timeline entries, in order
	 * @param outcome what is due next
	 * @return completes when recorded
	 */
	public Mono<Void> recordStep(String alertId, String owner, List<TimelineEntry> entries, StepOutcome outcome) {
		Instant now = this.clock.instant();
		Query held = query(where(AlertDocument.ID).is(alertId).and(AlertDocument.LEASE_OWNER).is(owner));
		Update update = new Update().set(AlertDocument.ESCALATION_STEP, outcome.nextStep())
			.set(AlertDocument.ESCALATION_ROUND, outcome.nextRound())
			.set(AlertDocument.CONTACT_OVERDUE, outcome.contactOverdue())
			.set(AlertDocument.UPDATED_AT, now)
			.unset(AlertDocument.LEASE_OWNER)
			.unset(AlertDocument.LEASE_UNTIL);
		if (!entries.isEmpty()) {
			update.push(AlertDocument.TIMELINE).each(entries.toArray());
		}
		if (outcome.nextActionAt() != null) {
			update.set(AlertDocument.NEXT_ACTION_AT, outcome.nextActionAt());
		}
		else {
			update.unset(AlertDocument.NEXT_ACTION_AT);
		}
		if (outcome.delivered()) {
			update.set(AlertDocument.DELIVERY_ATTEMPTS, 0);
		}
		else {
			update.inc(AlertDocument.DELIVERY_ATTEMPTS, 1);
		}
		if (outcome.reopen()) {
			update.set(AlertDocument.STATE, AlertState.TRIGGERED);
		}
		return this.mongo.updateFirst(held, update, AlertDocument.class).flatMap((result) -> {
			if (result.getMatchedCount() > 0 || entries.isEmpty()) {
				return Mono.empty();
			}
			return this.mongo.updateFirst(query(where(AlertDocument.ID).is(alertId)),
					new Update().set(AlertDocument.UPDATED_AT, now)
						.push(AlertDocument.TIMELINE)
						.each(entries.toArray()),
					AlertDocument.class)
				.then();
		});
	}

	/**
	 * Alerts changed after an instant, oldest change first.
	 * @param after the instant, exclusive
	 * @param limit the most to return
	 * @return the alerts
	 */
	public Flux<AlertDocument> changedAfter(Instant after, int limit) {
		return this.mongo.find(
				query(where(AlertDocument.UPDATED_AT).gt(after)).with(Sort.by(AlertDocument.UPDATED_AT)).limit(limit),
				AlertDocument.class);
	}

	/**
	 * Find an alert.
	 * @param id the alert id
	 * @return the alert, or empty
	 */
	public Mono<AlertDocument> findById(String id) {
		return this.mongo.findById(id, AlertDocument.class);
	}

	Flux<AlertDocument> search(AlertState state, String reference, int limit) {
		Query query = new Query();
		if (state != null) {
			query.addCriteria(where(AlertDocument.STATE).is(state));
		}
		if (reference != null) {
			query.addCriteria(where(AlertDocument.REFERENCE).is(reference));
		}
		query.with(Sort.by(Sort.Direction.DESC, AlertDocument.CREATED_AT)).limit(limit);
		return this.mongo.find(query, AlertDocument.class);
	}

	private static Update stopPaging(Update update) {
		return update.unset(AlertDocument.NEXT_ACTION_AT)
			.unset(AlertDocument.LEASE_OWNER)
			.unset(AlertDocument.LEASE_UNTIL);
	}

}
