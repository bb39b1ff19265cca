package org.treatmentnetwork.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.treatmentnetwork.intake.outbox.ContactRequestCollection.OUTBOX_ATTEMPTS;
import static org.treatmentnetwork.intake.outbox.ContactRequestCollection.OUTBOX_LEASE_OWNER;
import static org.treatmentnetwork.intake.outbox.ContactRequestCollection.OUTBOX_LEASE_UNTIL;
import static org.treatmentnetwork.intake.outbox.ContactRequestCollection.OUTBOX_NEXT_ATTEMPT_AT;
import static org.treatmentnetwork.intake.outbox.ContactRequestCollection.OUTBOX_PENDING;
import static org.treatmentnetwork.intake.outbox.ContactRequestCollection.PENDING_EVENTS;

/**
 * The outbox fields of {@code contact_requests} ({@link ContactRequestCollection}),
 * changed only by single-document atomic operations so that several relay instances can
 * run side by side.
 */
@Component
class OutboxStore {

	private final ReactiveMongoTemplate mongo;

	OutboxStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Claims up to {@code limit} documents whose pending events are due, soonest first:
	 * pending, due, and not leased (or the lease expired). The due documents are looked
	 * up first, then leased with one multi-document update whose filter repeats the
	 * conditions, so each document is leased by at most one claim even when relays race
	 * (a single-document update is atomic, and a document leased meanwhile no longer
	 * matches). Each claim uses its own {@code leaseId}, so what this claim got is
	 * exactly what carries that id.
	 * @param leaseId the owner written on the leased documents, unique per claim
	 * @return the claimed entries, due soonest first; empty when none is due
	 */
	Flux<OutboxEntry> claim(String leaseId, Instant now, Duration lease, int limit) {
		Query due = new Query(dueAt(now)).with(Sort.by(OUTBOX_NEXT_ATTEMPT_AT)).limit(limit);
		due.fields().include("_id");
		return this.mongo.find(due, Document.class, ContactRequestCollection.NAME)
			.map((document) -> document.get("_id"))
			.collectList()
			.filter((ids) -> !ids.isEmpty())
			.flatMapMany((ids) -> this.mongo
				.updateMulti(new Query(where("_id").in(ids).andOperator(dueAt(now))),
						new Update().set(OUTBOX_LEASE_OWNER, leaseId).set(OUTBOX_LEASE_UNTIL, now.plus(lease)),
						ContactRequestCollection.NAME)
				.filter((result) -> result.getModifiedCount() > 0)
				.flatMapMany((result) -> this.mongo
					.find(new Query(where(OUTBOX_LEASE_OWNER).is(leaseId)).with(Sort.by(OUTBOX_NEXT_ATTEMPT_AT)),
							Document.class, ContactRequestCollection.NAME)
					.map(this::entry)));
	}

	/**
	 * Claims one document by id if its pending events are due and it is not leased (or
	 * the lease expired): a single-document atomic update found through the {@code _id}
	 * index, for publishing a request right after it was stored.
	 * @param id the request's id
	 * @param leaseId the owner written on the leased document
	 * @return the claimed entry, or empty when it is not due, leased or has no pending
	 * events
	 */
	Mono<OutboxEntry> claim(String id, String leaseId, Instant now, Duration lease) {
		Query due = new Query(where("_id").is(id).andOperator(dueAt(now)));
		Update leased = new Update().set(OUTBOX_LEASE_OWNER, leaseId).set(OUTBOX_LEASE_UNTIL, now.plus(lease));
		return this.mongo
			.findAndModify(due, leased, FindAndModifyOptions.options().returnNew(true), Document.class,
					ContactRequestCollection.NAME)
			.map(this::entry);
	}

	/**
	 * The outbox part of a document read as a plain document: the outbox fields are not
	 * properties of {@link OutboxEntry}, so a query typed with it would have every field
	 * name looked up, and refused, as a property path on each call.
	 */
	private OutboxEntry entry(Document document) {
		return this.mongo.getConverter().read(OutboxEntry.class, document);
	}

	private static Criteria dueAt(Instant now) {
		return new Criteria().andOperator(where(OUTBOX_PENDING).is(true), where(OUTBOX_NEXT_ATTEMPT_AT).lte(now),
				new Criteria().orOperator(where(OUTBOX_LEASE_UNTIL).is(null), where(OUTBOX_LEASE_UNTIL).lte(now)));
	}

	/**
	 * Removes exactly the published events and releases the lease; clears the pending
	 * flag when no events remain.
	 * @return whether this owner still held the lease
	 */
	Mono<Boolean> complete(String id, String owner, List<String> publishedEventIds, Instant now) {
		// Usually nothing was added while publishing: then the published events are all
		// the document holds (events are only appended, and only the lease holder removes
		// them), and one update empties the outbox and clears the flag.
		Query nothingAdded = new Query(where("_id").is(id)
			.and(OUTBOX_LEASE_OWNER)
			.is(owner)
			.and(PENDING_EVENTS)
			.size(publishedEventIds.size()));
		Update emptied = new Update().set(PENDING_EVENTS, List.of())
			.set(OUTBOX_PENDING, false)
			.unset(OUTBOX_LEASE_OWNER)
			.unset(OUTBOX_LEASE_UNTIL)
			.set(OUTBOX_ATTEMPTS, 0)
			.set(OUTBOX_NEXT_ATTEMPT_AT, now);
		return this.mongo.updateFirst(nothingAdded, emptied, ContactRequestCollection.NAME)
			.flatMap((result) -> (result.getMatchedCount() > 0) ? Mono.just(true)
					: removePublished(id, owner, publishedEventIds, now));
	}

	private Mono<Boolean> removePublished(String id, String owner, List<String> publishedEventIds, Instant now) {
		Update update = removing(publishedEventIds).unset(OUTBOX_LEASE_OWNER)
			.unset(OUTBOX_LEASE_UNTIL)
			.set(OUTBOX_ATTEMPTS, 0)
			.set(OUTBOX_NEXT_ATTEMPT_AT, now);
		return this.mongo.updateFirst(leasedBy(id, owner), update, ContactRequestCollection.NAME)
			.flatMap((result) -> clearPendingIfEmpty(id).thenReturn(result.getMatchedCount() > 0));
	}

	/**
	 * Removes the events that were published before a failure, releases the lease and
	 * schedules the next attempt.
	 * @return whether this owner still held the lease
	 */
	Mono<Boolean> release(String id, String owner, List<String> publishedEventIds, int attempts,
			Instant nextAttemptAt) {
		Update update = removing(publishedEventIds).unset(OUTBOX_LEASE_OWNER)
			.unset(OUTBOX_LEASE_UNTIL)
			.set(OUTBOX_ATTEMPTS, attempts)
			.set(OUTBOX_NEXT_ATTEMPT_AT, nextAttemptAt);
		return this.mongo.updateFirst(leasedBy(id, owner), update, ContactRequestCollection.NAME)
			.flatMap((result) -> clearPendingIfEmpty(id).thenReturn(result.getMatchedCount() > 0));
	}

	/**
	 * @return how many documents have events waiting
	 */
	Mono<Long> countPending() {
		return this.mongo.count(new Query(where(OUTBOX_PENDING).is(true)), ContactRequestCollection.NAME);
	}

	/**
	 * @return when the oldest event still waiting occurred, or empty when none waits
	 */
	Mono<Instant> oldestPendingEventAt() {
		Query pending = new Query(where(OUTBOX_PENDING).is(true)).limit(1000);
		pending.fields().include(PENDING_EVENTS);
		return this.mongo.find(pending, PendingEvents.class, ContactRequestCollection.NAME)
			.flatMapIterable(PendingEvents::pendingEvents)
			.map(ContactRequestEvent::occurredAt)
			.reduce((a, b) -> a.isBefore(b) ? a : b);
	}

	/**
	 * The events of a pending document, read without the rest of it.
	 */
	record PendingEvents(@Field(PENDING_EVENTS) List<ContactRequestEvent> pendingEvents) {

		PendingEvents {
			pendingEvents = (pendingEvents != null) ? List.copyOf(pendingEvents) : List.of();
		}

	}

	private Mono<Void> clearPendingIfEmpty(String id) {
		// A new event is pushed together with outboxPending=true in one update, so the
		// flag
		// is only cleared while the array is really empty.
		Query empty = new Query(where("_id").is(id).and(OUTBOX_PENDING).is(true).and(PENDING_EVENTS).size(0));
		return this.mongo.updateFirst(empty, new Update().set(OUTBOX_PENDING, false), ContactRequestCollection.NAME)
			.then();
	}

	private static Query leasedBy(String id, String owner) {
		return new Query(where("_id").is(id).and(OUTBOX_LEASE_OWNER).is(owner));
	}

	private static Update removing(List<String> eventIds) {
		Update update = new Update();
		if (!eventIds.isEmpty()) {
			update.pull(PENDING_EVENTS, new Document("eventId", new Document("$in", eventIds)));
		}
		return update;
	}

}
