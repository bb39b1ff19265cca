package org.treatmentnetwork.notification.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.escalation.EscalationProperties;
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

	/** Small counters ({@code alert-ack-code}). */
	static final String COUNTERS = "counters";

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
				null, 0, 0, false, now, List.of(), alert.duplicateOf(), List.of(), List.of(), null, 0,
				alert.traceparent(), null, List.of());
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
	 * Link a repeat of the same person (intake's {@code duplicateOf}) to that person's
	 * open alert: the alert of the first request, or of an earlier repeat that opened its
	 * own because the first one's was resolved. Each outcome is one conditional
	 * single-document update that also records the repeat's id in
	 * {@code linkedRequestIds}, so a redelivered event, or two instances handling the
	 * same event, change the alert once.
	 * <ul>
	 * <li>A repeat more urgent than the alert raises its urgency ({@code URGENCY_RAISED})
	 * and starts its escalation again at step 1, due at once, also if it was
	 * acknowledged; its first-contact due time becomes the earlier of the two.</li>
	 * <li>A repeat of the same or a lower urgency queues a notice for whoever is
	 * currently paged ({@link RepeatNotice}), which the dispatcher sends at once.</li>
	 * </ul>
	 * @param repeat the repeat, with {@code duplicateOf} set
	 * @return what happened; {@link RepeatLink#NO_OPEN_ALERT} if the person has no open
	 * alert, so that the repeat must open its own
	 */
	public Mono<RepeatLink> linkRepeat(NewAlert repeat) {
		Instant now = this.clock.instant();
		Urgency urgency = Urgency.of(repeat.urgency());
		List<String> lessUrgent = Arrays.stream(Urgency.values())
			.filter(urgency::isMoreUrgentThan)
			.map(Urgency::name)
			.toList();
		TimelineEntry linked = TimelineEntry.of(now, TimelineType.DUPLICATE_LINKED,
				"The same person reached out again: request " + repeat.reference() + " (" + urgency
						+ ") linked to this alert");
		Mono<RepeatLink> raise = lessUrgent.isEmpty() ? Mono.empty()
				: raiseUrgency(repeat, urgency, lessUrgent, linked, now);
		return raise.switchIfEmpty(Mono.defer(() -> queueNotice(repeat, urgency, lessUrgent, linked, now)))
			.switchIfEmpty(Mono.defer(() -> this.mongo
				.exists(query(where(AlertDocument.LINKED_REQUEST_IDS).is(repeat.requestId())), AlertDocument.class)
				.map((known) -> known ? RepeatLink.ALREADY_LINKED : RepeatLink.NO_OPEN_ALERT)));
	}

	private Mono<RepeatLink> raiseUrgency(NewAlert repeat, Urgency urgency, List<String> lessUrgent,
			TimelineEntry linked, Instant now) {
		Query query = query(
				new Criteria().andOperator(personsOpenAlert(repeat), where(AlertDocument.URGENCY).in(lessUrgent)))
			.with(Sort.by(AlertDocument.CREATED_AT));
		TimelineEntry raised = TimelineEntry.of(now, TimelineType.URGENCY_RAISED, "Urgency raised to " + urgency
				+ " by request " + repeat.reference() + ": the " + urgency + " escalation starts again at step 1");
		// The lease is dropped so that the new escalation is claimed at once. A step
		// still in flight under the old claim then only adds its timeline entries:
		// its claim token no longer matches.
		Update update = new Update().addToSet(AlertDocument.LINKED_REQUEST_IDS, repeat.requestId())
			.set(AlertDocument.URGENCY, urgency.name())
			.set(AlertDocument.STATE, AlertState.TRIGGERED)
			.set(AlertDocument.ESCALATION_STEP, 1)
			.set(AlertDocument.ESCALATION_ROUND, 0)
			.set(AlertDocument.CONTACT_OVERDUE, false)
			.set(AlertDocument.DELIVERY_ATTEMPTS, 0)
			.set(AlertDocument.NEXT_ACTION_AT, now)
			.set(AlertDocument.UPDATED_AT, now)
			.unset(AlertDocument.LEASE_OWNER)
			.unset(AlertDocument.LEASE_UNTIL);
		update.push(AlertDocument.TIMELINE).each(linked, raised);
		if (repeat.firstContactDueAt() != null) {
			update.min(AlertDocument.FIRST_CONTACT_DUE_AT, repeat.firstContactDueAt());
		}
		return this.mongo
			.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), AlertDocument.class)
			.map((alert) -> {
				log.info("Request {} linked to alert {} (reference {}) and raised its urgency to {}",
						repeat.requestId(), alert.id(), alert.reference(), urgency);
				this.events.publishEvent(new AlertTriggered(alert.id()));
				return RepeatLink.URGENCY_RAISED;
			});
	}

	private Mono<RepeatLink> queueNotice(NewAlert repeat, Urgency urgency, List<String> lessUrgent,
			TimelineEntry linked, Instant now) {
		Query query = query(
				new Criteria().andOperator(personsOpenAlert(repeat), where(AlertDocument.URGENCY).nin(lessUrgent)))
			.with(Sort.by(AlertDocument.CREATED_AT));
		Update update = new Update().addToSet(AlertDocument.LINKED_REQUEST_IDS, repeat.requestId())
			.push(AlertDocument.REPEAT_NOTICES,
					new RepeatNotice(repeat.requestId(), repeat.reference(), urgency.name(), now))
			.set(AlertDocument.REPEAT_NOTICE_AT, now)
			.set(AlertDocument.UPDATED_AT, now)
			.push(AlertDocument.TIMELINE, linked);
		return this.mongo
			.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), AlertDocument.class)
			.map((alert) -> {
				log.info("Request {} linked to alert {} (reference {}); whoever is paged is told", repeat.requestId(),
						alert.id(), alert.reference());
				this.events.publishEvent(new AlertTriggered(alert.id()));
				return RepeatLink.NOTICE_PENDING;
			});
	}

	/**
	 * The open alert of the person of a repeat that the repeat is not linked to yet.
	 */
	private static Criteria personsOpenAlert(NewAlert repeat) {
		return new Criteria().andOperator(
				new Criteria().orOperator(where(AlertDocument.REQUEST_ID).is(repeat.duplicateOf()),
						where(AlertDocument.DUPLICATE_OF).is(repeat.duplicateOf())),
				where(AlertDocument.STATE).in(AlertState.TRIGGERED, AlertState.ACKNOWLEDGED),
				where(AlertDocument.REQUEST_ID).ne(repeat.requestId()),
				where(AlertDocument.LINKED_REQUEST_IDS).ne(repeat.requestId()));
	}

	/**
	 * Record which repeat notices went out, and release the claim. If the claim was lost
	 * meanwhile, the timeline entries are added and the sent notices removed all the
	 * same, so that no notice is sent twice.
	 * @param alertId the alert
	 * @param owner the claim token the alert was claimed with
	 * @param entries the timeline entries, in order
	 * @param sentRequestIds the repeats whose notices reached someone; empty if none did
	 * @param retryAt when to try the remaining notices again, or {@code null} if none
	 * failed
	 * @return completes when recorded
	 */
	public Mono<Void> recordRepeatNotices(String alertId, String owner, List<TimelineEntry> entries,
			List<String> sentRequestIds, Instant retryAt) {
		Instant now = this.clock.instant();
		Query held = query(where(AlertDocument.ID).is(alertId).and(AlertDocument.LEASE_OWNER).is(owner));
		Update update = sentNotices(new Update().set(AlertDocument.UPDATED_AT, now), entries, sentRequestIds)
			.unset(AlertDocument.LEASE_OWNER)
			.unset(AlertDocument.LEASE_UNTIL);
		if (retryAt != null) {
			update.set(AlertDocument.REPEAT_NOTICE_AT, retryAt).inc(AlertDocument.REPEAT_NOTICE_FAILURES, 1);
		}
		else {
			update.set(AlertDocument.REPEAT_NOTICE_FAILURES, 0);
		}
		return this.mongo.updateFirst(held, update, AlertDocument.class).flatMap((result) -> {
			if (result.getMatchedCount() > 0 || (entries.isEmpty() && sentRequestIds.isEmpty())) {
				return Mono.empty();
			}
			return this.mongo
				.updateFirst(query(where(AlertDocument.ID).is(alertId)),
						sentNotices(new Update().set(AlertDocument.UPDATED_AT, now), entries, sentRequestIds),
						AlertDocument.class)
				.then();
		});
	}

	private static Update sentNotices(Update update, List<TimelineEntry> entries, List<String> sentRequestIds) {
		if (!entries.isEmpty()) {
			update.push(AlertDocument.TIMELINE).each(entries.toArray());
		}
		if (!sentRequestIds.isEmpty()) {
			update.pull(AlertDocument.REPEAT_NOTICES,
					new Document(RepeatNotice.REQUEST_ID, new Document("$in", sentRequestIds)));
		}
		return update;
	}

	/**
	 * Resolve the open alert of a request (or the alert it is linked to as a repeat), if
	 * there is one. Idempotent.
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
				.unset(AlertDocument.FOLLOW_UPS)
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
	 * holds: a triggered alert's next escalation step, an acknowledged alert whose first
	 * contact is overdue, or an open alert with repeat notices to send.
	 * @param owner the claim token (the claiming instance, and which of its claims)
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
	 * @param owner the claim token (the claiming instance, and which of its claims)
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
				new Criteria().orOperator(where(AlertDocument.NEXT_ACTION_AT).lte(now),
						where(AlertDocument.REPEAT_NOTICES + "." + RepeatNotice.REQUEST_ID).exists(true)
							.and(AlertDocument.REPEAT_NOTICE_AT)
							.lte(now),
						where(AlertDocument.FOLLOW_UPS + "." + FollowUp.DUE_AT).lte(now)),
				new Criteria().orOperator(where(AlertDocument.LEASE_UNTIL).is(null),
						where(AlertDocument.LEASE_UNTIL).lte(now)));
	}

	/**
	 * Record what a dispatch did and when to act next, and release the claim. If the
	 * claim was lost meanwhile (acknowledged, resolved, lease expired), only the timeline
	 * entries are added, so the history stays complete without overriding what happened
	 * since.
	 * @param alertId the alert
	 * @param owner the claim token it was claimed with
	 * @param entries the timeline entries, in order
	 * @param outcome what is due next
	 * @return completes when recorded
	 */
	public Mono<Void> recordStep(String alertId, String owner, List<TimelineEntry> entries, StepOutcome outcome) {
		return recordStep(alertId, owner, entries, outcome, List.of());
	}

	/**
	 * {@link #recordStep(String, String, List, StepOutcome)} with the follow-ups the step
	 * scheduled (the later parts of its contact sequence), stored in the same update and
	 * only while the claim holds: a step whose claim was lost schedules nothing.
	 * @param alertId the alert
	 * @param owner the claim token it was claimed with
	 * @param entries the timeline entries, in order
	 * @param outcome what is due next
	 * @param followUps the follow-ups to schedule
	 * @return completes when recorded
	 */
	public Mono<Void> recordStep(String alertId, String owner, List<TimelineEntry> entries, StepOutcome outcome,
			List<FollowUp> followUps) {
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
		if (outcome.pagedStaffIds() != null) {
			update.set(AlertDocument.PAGED_STAFF_IDS, outcome.pagedStaffIds());
		}
		if (!followUps.isEmpty() && !outcome.reopen()) {
			update.push(AlertDocument.FOLLOW_UPS).each(followUps.toArray());
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
			.unset(AlertDocument.LEASE_UNTIL)
			.unset(AlertDocument.FOLLOW_UPS);
	}

	/**
	 * Record the follow-ups a dispatch sent (or dropped), keeping the claim: the rest of
	 * the dispatch records the step and releases it. Follow-ups added meanwhile (a
	 * receipt came in) are kept.
	 * @param alertId the alert
	 * @param entries timeline entries
	 * @param doneIds the follow-ups sent or dropped
	 * @return completes when recorded
	 */
	public Mono<Void> recordFollowUps(String alertId, List<TimelineEntry> entries, List<String> doneIds) {
		Update update = timeline(new Update().set(AlertDocument.UPDATED_AT, this.clock.instant()), entries)
			.pull(AlertDocument.FOLLOW_UPS, new Document(FollowUp.ID, new Document("$in", doneIds)));
		return this.mongo.updateFirst(query(where(AlertDocument.ID).is(alertId)), update, AlertDocument.class).then();
	}

	/**
	 * Schedule pages to people of an open alert; nothing if it is no longer triggered.
	 * @param alertId the alert
	 * @param followUps the pages
	 * @return completes when stored
	 */
	public Mono<Void> addFollowUps(String alertId, List<FollowUp> followUps) {
		if (followUps.isEmpty()) {
			return Mono.empty();
		}
		Query open = query(where(AlertDocument.ID).is(alertId).and(AlertDocument.STATE).is(AlertState.TRIGGERED));
		return this.mongo
			.updateFirst(open, new Update().push(AlertDocument.FOLLOW_UPS).each(followUps.toArray()),
					AlertDocument.class)
			.then();
	}

	/**
	 * Bring a scheduled follow-up forward to now (the person's earlier method failed).
	 * @param alertId the alert
	 * @param followUpId the follow-up
	 * @return {@code true} if it was still scheduled
	 */
	public Mono<Boolean> bringForward(String alertId, String followUpId) {
		Query scheduled = query(where(AlertDocument.ID).is(alertId)
			.and(AlertDocument.STATE)
			.is(AlertState.TRIGGERED)
			.and(AlertDocument.FOLLOW_UPS + "." + FollowUp.ID)
			.is(followUpId));
		return this.mongo
			.updateFirst(scheduled,
					new Update().set(AlertDocument.FOLLOW_UPS + ".$." + FollowUp.DUE_AT, this.clock.instant()),
					AlertDocument.class)
			.map((result) -> result.getModifiedCount() > 0);
	}

	/**
	 * Add entries to an alert's timeline, whatever its state and claim.
	 * @param alertId the alert
	 * @param entries the entries
	 * @return completes when stored
	 */
	public Mono<Void> appendTimeline(String alertId, List<TimelineEntry> entries) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		return this.mongo
			.updateFirst(query(where(AlertDocument.ID).is(alertId)),
					timeline(new Update().set(AlertDocument.UPDATED_AT, this.clock.instant()), entries),
					AlertDocument.class)
			.then();
	}

	/**
	 * Escalate a triggered alert to its next step now instead of at its scheduled time
	 * (staff asked for it, or nobody paged at the step answered).
	 * @param alertId the alert
	 * @param entry the timeline entry that says why
	 * @return {@code true} if the alert was triggered and is now due
	 */
	public Mono<Boolean> escalateNow(String alertId, TimelineEntry entry) {
		Instant now = this.clock.instant();
		Query triggered = query(where(AlertDocument.ID).is(alertId).and(AlertDocument.STATE).is(AlertState.TRIGGERED));
		Update update = new Update().set(AlertDocument.NEXT_ACTION_AT, now)
			.set(AlertDocument.UPDATED_AT, now)
			.push(AlertDocument.TIMELINE, entry);
		return this.mongo.updateFirst(triggered, update, AlertDocument.class).map((result) -> {
			boolean escalated = result.getModifiedCount() > 0;
			if (escalated) {
				this.events.publishEvent(new AlertTriggered(alertId));
			}
			return escalated;
		});
	}

	/**
	 * The short code staff reply with to acknowledge this alert by text, given on first
	 * use from a sequence: codes repeat only after 9,000 alerts have been texted, so two
	 * alerts open at the same time practically never share one.
	 * @param alert the alert
	 * @return its code, such as {@code 4821}
	 */
	public Mono<String> ackCode(AlertDocument alert) {
		if (alert.ackCode() != null) {
			return Mono.just(alert.ackCode());
		}
		Query counter = query(where("_id").is("alert-ack-code"));
		return this.mongo
			.findAndModify(counter, new Update().inc("next", 1),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS)
			.map((document) -> Integer.toString(1000 + (int) (((Number) document.get("next")).longValue() % 9000)))
			.flatMap((code) -> this.mongo
				.updateFirst(query(where(AlertDocument.ID).is(alert.id()).and(AlertDocument.ACK_CODE).is(null)),
						new Update().set(AlertDocument.ACK_CODE, code), AlertDocument.class)
				// Another page of the alert gave it a code first: that one holds.
				.flatMap((result) -> (result.getModifiedCount() > 0) ? Mono.just(code)
						: findById(alert.id()).map((stored) -> (stored.ackCode() != null) ? stored.ackCode() : code)));
	}

	/**
	 * Open alerts among these ids, newest first.
	 * @param ids alert ids
	 * @return the triggered or acknowledged ones
	 */
	public Flux<AlertDocument> openAmong(List<String> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return this.mongo.find(query(where(AlertDocument.ID).in(ids)
			.and(AlertDocument.STATE)
			.in(AlertState.TRIGGERED, AlertState.ACKNOWLEDGED))
			.with(Sort.by(Sort.Direction.DESC, AlertDocument.CREATED_AT)), AlertDocument.class);
	}

	/**
	 * The triggered alerts whose escalation reached this person last: what a summary of
	 * their open alerts counts. Bounded: open work only, through the
	 * {@code pagedStaffIds_state} index.
	 * @param staffId the person
	 * @param limit the most to read
	 * @return the alerts, oldest first
	 */
	public Flux<AlertDocument> triggeredPagedTo(String staffId, int limit) {
		return this.mongo.find(query(
				where(AlertDocument.PAGED_STAFF_IDS).is(staffId).and(AlertDocument.STATE).is(AlertState.TRIGGERED))
			.with(Sort.by(AlertDocument.CREATED_AT))
			.limit(limit), AlertDocument.class);
	}

	/**
	 * The triggered alerts nobody has been paged for yet: how many (counted up to
	 * {@code limit}), and when the oldest was opened. One read of open work through the
	 * {@code state_nextActionAt} index, oldest first, only their creation times.
	 * @param limit the most counted
	 * @return the count and the oldest's creation time ({@code null} when none)
	 */
	public Mono<UnpagedAlerts> unpaged(int limit) {
		Criteria nobodyPaged = new Criteria().orOperator(where(AlertDocument.PAGED_STAFF_IDS).size(0),
				where(AlertDocument.PAGED_STAFF_IDS).exists(false));
		Query unpaged = query(where(AlertDocument.STATE).is(AlertState.TRIGGERED).andOperator(nobodyPaged))
			.with(Sort.by(AlertDocument.CREATED_AT))
			.limit(limit);
		unpaged.fields().include(AlertDocument.CREATED_AT);
		return this.mongo.find(unpaged, Document.class, AlertDocument.COLLECTION)
			.map((alert) -> alert.getDate(AlertDocument.CREATED_AT).toInstant())
			.collectList()
			.map((createdAt) -> new UnpagedAlerts(createdAt.size(), createdAt.isEmpty() ? null : createdAt.get(0)));
	}

	private static Update timeline(Update update, List<TimelineEntry> entries) {
		if (!entries.isEmpty()) {
			update.push(AlertDocument.TIMELINE).each(entries.toArray());
		}
		return update;
	}

}
