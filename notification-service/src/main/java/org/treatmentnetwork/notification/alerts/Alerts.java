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

	Alerts(ReactiveMongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.clock = clock;
		this.events = events;
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
				null, 0);
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
	 * Resolve the open alert of a request, if there is one. Idempotent.
	 * @param requestId the contact request id
	 * @param requestStatus the request status that resolves the alert
	 * @return {@code true} if this call resolved the alert
	 */
	public Mono<Boolean> resolveForRequest(String requestId, String requestStatus) {
		Instant now = this.clock.instant();
		Query open = query(where(AlertDocument.REQUEST_ID).is(requestId)
			.and(AlertDocument.STATE)
			.in(AlertState.TRIGGERED, AlertState.ACKNOWLEDGED));
		Update resolve = stopPaging(new Update().set(AlertDocument.STATE, AlertState.RESOLVED)
			.set(AlertDocument.RESOLVED_AT, now)
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
	 * Acknowledge an alert on behalf of a staff member. Acknowledging an acknowledged
	 * alert changes nothing.
	 * @param id the alert id
	 * @param staffId who acknowledges
	 * @param channel how the acknowledgement came in
	 * @return the alert after the call; empty if there is no such alert; an
	 * {@link AlertAlreadyResolvedException} if it is resolved
	 */
	public Mono<AlertDocument> acknowledge(String id, String staffId, TimelineChannel channel) {
		Instant now = this.clock.instant();
		Query triggered = query(where(AlertDocument.ID).is(id).and(AlertDocument.STATE).is(AlertState.TRIGGERED));
		Update acknowledge = stopPaging(new Update().set(AlertDocument.STATE, AlertState.ACKNOWLEDGED)
			.set(AlertDocument.ACKNOWLEDGED_AT, now)
			.set(AlertDocument.ACKNOWLEDGED_BY, staffId)
			.push(AlertDocument.TIMELINE,
					new TimelineEntry(now, TimelineType.ACKNOWLEDGED, staffId, channel, "Acknowledged")));
		return this.mongo
			.findAndModify(triggered, acknowledge, FindAndModifyOptions.options().returnNew(true), AlertDocument.class)
			.doOnNext((alert) -> log.info("Alert {} acknowledged by {} via {}", id, staffId, channel))
			.switchIfEmpty(Mono.defer(() -> findById(id).flatMap((existing) -> (existing.state() == AlertState.RESOLVED)
					? Mono.error(new AlertAlreadyResolvedException()) : Mono.just(existing))));
	}

	/**
	 * Claim the most overdue alert whose next action is due and that no other instance
	 * holds.
	 * @param owner the claiming instance
	 * @param lease how long the claim holds
	 * @return the claimed alert, or empty if nothing is due
	 */
	public Mono<AlertDocument> claimNextDue(String owner, Duration lease) {
		Instant now = this.clock.instant();
		Query due = query(new Criteria().andOperator(where(AlertDocument.STATE).is(AlertState.TRIGGERED),
				where(AlertDocument.NEXT_ACTION_AT).lte(now), new Criteria()
					.orOperator(where(AlertDocument.LEASE_UNTIL).is(null), where(AlertDocument.LEASE_UNTIL).lte(now))))
			.with(Sort.by(AlertDocument.NEXT_ACTION_AT));
		Update claim = new Update().set(AlertDocument.LEASE_OWNER, owner)
			.set(AlertDocument.LEASE_UNTIL, now.plus(lease));
		return this.mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
				AlertDocument.class);
	}

	/**
	 * Record that a page went out and release the claim; nothing more is due until the
	 * escalation policy says so.
	 * @param alertId the alert
	 * @param owner the instance that claimed it
	 * @param recipient the staff id paged
	 * @param channel the channel used
	 * @param detail a short operational note
	 * @return completes when recorded
	 */
	public Mono<Void> recordNotified(String alertId, String owner, String recipient, TimelineChannel channel,
			String detail) {
		TimelineEntry entry = new TimelineEntry(this.clock.instant(), TimelineType.NOTIFIED, recipient, channel,
				detail);
		return release(alertId, owner, entry,
				new Update().set(AlertDocument.DELIVERY_ATTEMPTS, 0).unset(AlertDocument.NEXT_ACTION_AT));
	}

	/**
	 * Record that a page could not be delivered, schedule the next attempt and release
	 * the claim.
	 * @param alertId the alert
	 * @param owner the instance that claimed it
	 * @param recipient the staff id that should have been paged, if known
	 * @param channel the channel tried, if any
	 * @param detail a short operational note
	 * @param retryAt when to try again
	 * @return completes when recorded
	 */
	public Mono<Void> recordDeliveryFailed(String alertId, String owner, String recipient, TimelineChannel channel,
			String detail, Instant retryAt) {
		TimelineEntry entry = new TimelineEntry(this.clock.instant(), TimelineType.DELIVERY_FAILED, recipient, channel,
				detail);
		return release(alertId, owner, entry,
				new Update().inc(AlertDocument.DELIVERY_ATTEMPTS, 1).set(AlertDocument.NEXT_ACTION_AT, retryAt));
	}

	private Mono<Void> release(String alertId, String owner, TimelineEntry entry, Update changes) {
		Query held = query(where(AlertDocument.ID).is(alertId).and(AlertDocument.LEASE_OWNER).is(owner));
		Update update = changes.push(AlertDocument.TIMELINE, entry)
			.unset(AlertDocument.LEASE_OWNER)
			.unset(AlertDocument.LEASE_UNTIL);
		return this.mongo.updateFirst(held, update, AlertDocument.class).flatMap((result) -> {
			if (result.getMatchedCount() > 0) {
				return Mono.empty();
			}
			// The claim was lost (alert acknowledged, resolved or lease expired): keep
			// the
			// history complete without touching what the new owner decided.
			return this.mongo
				.updateFirst(query(where(AlertDocument.ID).is(alertId)),
						new Update().push(AlertDocument.TIMELINE, entry), AlertDocument.class)
				.then();
		});
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
