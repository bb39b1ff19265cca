package org.treatmentnetwork.intake.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.treatmentnetwork.intake.audit.AuditLog;
import org.treatmentnetwork.intake.outbox.ContactRequestCollection;
import org.treatmentnetwork.intake.outbox.ContactRequestEvent;
import org.treatmentnetwork.intake.outbox.OutboxTrigger;
import org.treatmentnetwork.intake.privacy.PersonalDataCipher;
import org.treatmentnetwork.intake.privacy.PersonalFields;
import org.treatmentnetwork.intake.problems.ConflictException;
import org.treatmentnetwork.intake.problems.NotFoundException;
import org.treatmentnetwork.intake.requests.RequestStatus;
import org.treatmentnetwork.intake.triage.Urgency;
import org.treatmentnetwork.servicedefaults.tracing.TraceContexts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The call center's work on requests. Every change is one conditional single-document
 * update, so two agents (or two instances) never both succeed: a claim only takes a
 * request nobody holds, and a status move only applies to the status it was decided from.
 * A status move appends its {@code ContactRequestStatusChanged} event to the document's
 * outbox in the same update.
 */
@Service
class PipelineService {

	private static final Logger log = LoggerFactory.getLogger(PipelineService.class);

	private final ReactiveMongoTemplate mongo;

	private final PersonalDataCipher cipher;

	private final OutboxTrigger outbox;

	private final AuditLog audit;

	private final PipelineMetrics metrics;

	private final PipelineProperties properties;

	private final Clock clock;

	private final TraceContexts traces;

	PipelineService(ReactiveMongoTemplate mongo, PersonalDataCipher cipher, OutboxTrigger outbox, AuditLog audit,
			PipelineMetrics metrics, PipelineProperties properties, Clock clock, TraceContexts traces) {
		this.traces = traces;
		this.mongo = mongo;
		this.cipher = cipher;
		this.outbox = outbox;
		this.audit = audit;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Requests awaiting contact, most urgent first, then oldest first. The order of
	 * urgency is {@link Urgency}'s (most urgent first), never the names' alphabetical
	 * order: one query per urgency, each served by the queue index, until the queue limit
	 * is reached.
	 */
	Flux<QueueItem> queue(String staffSub) {
		int limit = this.properties.queueLimit();
		Flux<PipelineRequest> mostUrgentFirst = Flux.fromArray(Urgency.values())
			.concatMap((urgency) -> this.mongo.find(awaitingContact(urgency, limit), PipelineRequest.class,
					PipelineRequest.COLLECTION))
			.take(limit);
		return this.audit.recordQueueRead(staffSub)
			.thenMany(mostUrgentFirst)
			.map((request) -> QueueItem.of(request, this.clock.instant()));
	}

	private static Query awaitingContact(Urgency urgency, int limit) {
		Query query = new Query(
				where("status").in(names(RequestStatus.AWAITING_CONTACT)).and("urgency").is(urgency.name()))
			.with(Sort.by(Sort.Order.asc("receivedAt")))
			.limit(limit);
		query.fields().include(PipelineRequest.FIELDS);
		return query;
	}

	/**
	 * Assigns a request to an agent: {@code 409} if another agent holds it or it is
	 * finished; claiming one's own request again changes nothing.
	 */
	Mono<QueueItem> claim(String id, String agent) {
		return Mono.defer(() -> {
			Instant now = now();
			Query free = new Query(
					where("_id").is(id).and("claimedBy").is(null).and("status").nin(names(RequestStatus.FINAL)));
			Update claim = new Update().set("claimedBy", agent)
				.set("claimedAt", now)
				.push("history", history("CLAIMED", now, null, agent, null, id));
			return this.mongo.updateFirst(free, claim, PipelineRequest.COLLECTION)
				.flatMap((result) -> find(id).flatMap((request) -> {
					if (result.getModifiedCount() > 0 || agent.equals(request.claimedBy())) {
						return Mono.just(QueueItem.of(request, now));
					}
					if (request.status().isFinal()) {
						return Mono.error(new ConflictException("This request is " + request.status() + "."));
					}
					return Mono.error(heldByAnother(request));
				}));
		});
	}

	/**
	 * Hands a claimed request awaiting contact back to the queue, so another agent can
	 * claim it: by the agent who holds it, or by a supervisor whatever agent holds it (an
	 * agent who went off shift, a caller who needs another language). {@code 409} if
	 * another agent holds it and the caller is not a supervisor, or if it is past first
	 * contact (the queue would no longer show it); releasing a request nobody holds
	 * changes nothing.
	 * @param id the request
	 * @param staff who releases it
	 * @param supervisor whether that is a supervisor
	 * @param note why, or {@code null}; kept encrypted in the history
	 * @return the queue item, now held by nobody
	 */
	Mono<QueueItem> release(String id, String staff, boolean supervisor, String note) {
		return Mono.defer(() -> find(id).flatMap((request) -> {
			Instant now = now();
			if (!RequestStatus.AWAITING_CONTACT.contains(request.status())) {
				return Mono.error(new ConflictException("A request that is " + request.status()
						+ " stays with its agent: only requests awaiting contact go back to the queue."));
			}
			if (request.claimedBy() == null) {
				return Mono.just(QueueItem.of(request, now));
			}
			if (!supervisor && !request.claimedBy().equals(staff)) {
				return Mono.error(heldByAnother(request));
			}
			// the same claim that was decided on: not a newer one by the same agent
			Query stillHeld = new Query(where("_id").is(id)
				.and("claimedBy")
				.is(request.claimedBy())
				.and("claimedAt")
				.is(request.claimedAt())
				.and("status")
				.is(request.status().name()));
			Update release = new Update().unset("claimedBy")
				.unset("claimedAt")
				.push("history",
						history("RELEASED", now, null, staff, note, id).append("releasedFrom", request.claimedBy()));
			return this.mongo.updateFirst(stillHeld, release, PipelineRequest.COLLECTION).flatMap((result) -> {
				if (result.getModifiedCount() == 0) {
					return Mono.error(new ConflictException(
							"The request was changed by someone else meanwhile. Reload it and try again."));
				}
				log.info("Contact request {} released from {} by {}", id, request.claimedBy(), staff);
				return find(id).map((updated) -> QueueItem.of(updated, now));
			});
		}));
	}

	/**
	 * Moves a request to another status, claiming it for the agent if nobody held it.
	 */
	Mono<QueueItem> changeStatus(String id, String agent, RequestStatus target, String note) {
		return this.traces.withCurrent((trace) -> find(id).flatMap((request) -> {
			if (request.claimedBy() != null && !request.claimedBy().equals(agent)) {
				return Mono.error(heldByAnother(request));
			}
			if (!request.status().canMoveTo(target)) {
				return Mono.error(new ConflictException(
						"A request cannot move from " + request.status() + " to " + target + "."));
			}
			Instant now = now();
			ContactRequestEvent event = ContactRequestEvent
				.statusChanged(id, request.reference(), request.urgency().name(), request.source(), request.centerId(),
						target.name(), now, request.firstContactDueAt(), request.duplicateOf())
				.withTraceparent(trace.traceparent());
			Criteria sameState = where("_id").is(id).and("status").is(request.status().name());
			sameState = (request.claimedBy() != null) ? sameState.and("claimedBy").is(request.claimedBy())
					: sameState.and("claimedBy").is(null);
			Update update = ContactRequestCollection.addEvent(new Update().set("status", target.name())
				.push("history", history("STATUS_CHANGED", now, target, agent, note, id)), event);
			if (request.claimedBy() == null) {
				update.set("claimedBy", agent).set("claimedAt", now);
			}
			boolean firstAttempt = target == RequestStatus.CONTACT_ATTEMPTED && request.firstContactAttemptAt() == null;
			if (firstAttempt) {
				update.set("firstContactAttemptAt", now);
			}
			if (target == RequestStatus.CONTACTED) {
				update.set("contactedAt", now);
			}
			if (target.isFinal()) {
				update.set("closedAt", now);
			}
			return this.mongo.updateFirst(new Query(sameState), update, PipelineRequest.COLLECTION)
				.flatMap((result) -> {
					if (result.getModifiedCount() == 0) {
						return Mono.error(new ConflictException(
								"The request was changed by someone else meanwhile. Reload it and try again."));
					}
					log.info("Contact request {} moved from {} to {} by {}{}", id, request.status(), target, agent,
							trace.logSuffix());
					if (firstAttempt) {
						this.metrics.firstContactAttempt(request, now);
					}
					if (target == RequestStatus.CONTACTED) {
						this.metrics.contacted(request, now);
					}
					this.outbox.trigger(id);
					return find(id).map((updated) -> QueueItem.of(updated, now));
				});
		}));
	}

	/**
	 * Appends a note to a request's history: by the agent who holds it, or by a
	 * supervisor. {@code 409} if the request is final (its notes are erased with the rest
	 * of its personal data after the retention period, so nothing may be added once it is
	 * final), if another agent holds it, or, for an agent, if nobody holds it (claim it
	 * first). The append is one update conditional on what was checked (not final, not
	 * erased, and for an agent still held by them), so a note never lands on a request
	 * that was finished, erased or taken over meanwhile.
	 * @param id the request
	 * @param staff who writes the note
	 * @param supervisor whether that is a supervisor
	 * @param text the note; kept encrypted in the history
	 * @return the queue item
	 */
	Mono<QueueItem> addNote(String id, String staff, boolean supervisor, String text) {
		return Mono.defer(() -> find(id).flatMap((request) -> {
			if (request.status().isFinal()) {
				return Mono.error(new ConflictException(
						"This request is " + request.status() + ": a finished request takes no more notes."));
			}
			if (!supervisor && request.claimedBy() == null) {
				return Mono
					.error(new ConflictException("Nobody holds this request: claim it first, then add the note."));
			}
			if (!supervisor && !request.claimedBy().equals(staff)) {
				return Mono.error(new ConflictException("This request is held by another agent (" + request.claimedBy()
						+ "): only that agent, or a supervisor, may add notes to it."));
			}
			Instant now = now();
			Criteria open = where("_id").is(id)
				.and("status")
				.nin(names(RequestStatus.FINAL))
				.and("personalDataErasedAt")
				.is(null);
			if (!supervisor) {
				open = open.and("claimedBy").is(staff);
			}
			return this.mongo
				.updateFirst(new Query(open), new Update().push("history", history("NOTE", now, null, staff, text, id)),
						PipelineRequest.COLLECTION)
				.flatMap((result) -> {
					if (result.getModifiedCount() == 0) {
						return Mono.error(new ConflictException(
								"The request was changed by someone else meanwhile. Reload it and try again."));
					}
					log.info("Note added to contact request {} by {}", id, staff);
					return find(id).map((updated) -> QueueItem.of(updated, now));
				});
		}));
	}

	private Mono<PipelineRequest> find(String id) {
		Query query = new Query(where("_id").is(id));
		query.fields().include(PipelineRequest.FIELDS);
		return this.mongo.findOne(query, PipelineRequest.class, PipelineRequest.COLLECTION)
			.switchIfEmpty(Mono.error(PipelineService::notFound));
	}

	private Document history(String type, Instant at, RequestStatus status, String by, String note, String id) {
		Document entry = new Document("type", type).append("at", Date.from(at));
		if (status != null) {
			entry.append("status", status.name());
		}
		entry.append("by", by);
		if (note != null) {
			entry.append("note", this.cipher.encrypt(note, id, PersonalFields.historyNote(at)));
		}
		return entry;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static ConflictException heldByAnother(PipelineRequest request) {
		return new ConflictException("This request is held by another agent (" + request.claimedBy() + ").");
	}

	private static NotFoundException notFound() {
		return new NotFoundException("There is no contact request with this id.");
	}

	private static List<String> names(List<RequestStatus> statuses) {
		return statuses.stream().map(Enum::name).toList();
	}

}
