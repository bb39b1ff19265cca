package org.treatmentnetwork.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The outbox fields of {@code contact_requests}, changed only by single-document atomic
 * operations so that several relay instances can run side by side.
 */
@Component
class OutboxStore {

	static final String COLLECTION = "contact_requests";

	static final String EVENTS = "pendingEvents";

	static final String PENDING = "outboxPending";

	static final String LEASE_OWNER = "outboxLeaseOwner";

	static final String LEASE_UNTIL = "outboxLeaseUntil";

	static final String ATTEMPTS = "outboxAttempts";

	static final String NEXT_ATTEMPT_AT = "outboxNextAttemptAt";

	private final ReactiveMongoTemplate mongo;

	OutboxStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Claims the document whose pending events are due soonest: pending, due, and not
	 * leased (or its lease expired).
	 * @return the claimed entry, or empty when none is due
	 */
	Mono<OutboxEntry> claim(String owner, Instant now, Duration lease) {
		Query due = new Query(new Criteria().andOperator(where(PENDING).is(true), where(NEXT_ATTEMPT_AT).lte(now),
				new Criteria().orOperator(where(LEASE_UNTIL).is(null), where(LEASE_UNTIL).lte(now))))
			.with(Sort.by(NEXT_ATTEMPT_AT));
		Update leased = new Update().set(LEASE_OWNER, owner).set(LEASE_UNTIL, now.plus(lease));
		return this.mongo.findAndModify(due, leased, FindAndModifyOptions.options().returnNew(true), OutboxEntry.class,
				COLLECTION);
	}

	/**
	 * Removes exactly the published events and releases the lease; clears the pending
	 * flag when no events remain.
	 * @return whether this owner still held the lease
	 */
	Mono<Boolean> complete(String id, String owner, List<String> publishedEventIds, Instant now) {
		Update update = removing(publishedEventIds).unset(LEASE_OWNER)
			.unset(LEASE_UNTIL)
			.set(ATTEMPTS, 0)
			.set(NEXT_ATTEMPT_AT, now);
		return this.mongo.updateFirst(leasedBy(id, owner), update, COLLECTION)
			.flatMap((result) -> clearPendingIfEmpty(id).thenReturn(result.getMatchedCount() > 0));
	}

	/**
	 * Removes the events that were published before a failure, releases the lease and
	 * schedules the next attempt.
	 * @return whether this owner still held the lease
	 */
	Mono<Boolean> release(String id, String owner, List<String> publishedEventIds, int attempts,
			Instant nextAttemptAt) {
		Update update = removing(publishedEventIds).unset(LEASE_OWNER)
			.unset(LEASE_UNTIL)
			.set(ATTEMPTS, attempts)
			.set(NEXT_ATTEMPT_AT, nextAttemptAt);
		return this.mongo.updateFirst(leasedBy(id, owner), update, COLLECTION)
			.flatMap((result) -> clearPendingIfEmpty(id).thenReturn(result.getMatchedCount() > 0));
	}

	/**
	 * @return how many documents have events waiting
	 */
	Mono<Long> countPending() {
		return this.mongo.count(new Query(where(PENDING).is(true)), COLLECTION);
	}

	/**
	 * @return when the oldest event still waiting occurred, or empty when none waits
	 */
	Mono<Instant> oldestPendingEventAt() {
		Query pending = new Query(where(PENDING).is(true)).limit(1000);
		pending.fields().include(EVENTS);
		return this.mongo.find(pending, OutboxEntry.class, COLLECTION)
			.flatMapIterable(OutboxEntry::pendingEvents)
			.map(ContactRequestEvent::occurredAt)
			.reduce((a, b) -> a.isBefore(b) ? a : b);
	}

	private Mono<Void> clearPendingIfEmpty(String id) {
		// A new event is pushed together with outboxPending=true in one update, so the
		// flag
		// is only cleared while the array is really empty.
		Query empty = new Query(where("_id").is(id).and(PENDING).is(true).and(EVENTS).size(0));
		return this.mongo.updateFirst(empty, new Update().set(PENDING, false), COLLECTION).then();
	}

	private static Query leasedBy(String id, String owner) {
		return new Query(where("_id").is(id).and(LEASE_OWNER).is(owner));
	}

	private static Update removing(List<String> eventIds) {
		Update update = new Update();
		if (!eventIds.isEmpty()) {
			update.pull(EVENTS, new Document("eventId", new Document("$in", eventIds)));
		}
		return update;
	}

}
