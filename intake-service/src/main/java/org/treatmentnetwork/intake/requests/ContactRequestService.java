package org.treatmentnetwork.intake.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.treatmentnetwork.intake.audit.AuditLog;
import org.treatmentnetwork.intake.outbox.ContactRequestCollection;
import org.treatmentnetwork.intake.outbox.OutboxTrigger;
import org.treatmentnetwork.intake.privacy.PersonalDataCipher;
import org.treatmentnetwork.intake.problems.NotFoundException;
import org.treatmentnetwork.intake.triage.Triage;
import org.treatmentnetwork.intake.triage.TriageResult;
import org.treatmentnetwork.servicedefaults.tracing.TraceContexts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Stores contact requests (once per {@code Idempotency-Key}, encrypted, linked to the
 * same person's earlier request) and serves them to staff.
 */
@Service
class ContactRequestService {

	/** Attempts to find a free reference; a collision is about 1 in 10^11 per request. */
	private static final int REFERENCE_ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(ContactRequestService.class);

	private final ReactiveMongoTemplate mongo;

	private final ReferenceGenerator references;

	private final Triage triage;

	private final OutboxTrigger outbox;

	private final AuditLog audit;

	private final PersonalDataCipher cipher;

	private final IdempotencyKeys idempotencyKeys;

	private final ContactRequestProperties properties;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Counter replays;

	private final Counter duplicates;

	private final TraceContexts traces;

	ContactRequestService(ReactiveMongoTemplate mongo, ReferenceGenerator references, Triage triage,
			OutboxTrigger outbox, AuditLog audit, PersonalDataCipher cipher, IdempotencyKeys idempotencyKeys,
			ContactRequestProperties properties, Clock clock, MeterRegistry meters, TraceContexts traces) {
		this.traces = traces;
		this.mongo = mongo;
		this.references = references;
		this.triage = triage;
		this.outbox = outbox;
		this.audit = audit;
		this.cipher = cipher;
		this.idempotencyKeys = idempotencyKeys;
		this.properties = properties;
		this.clock = clock;
		this.replays = Counter.builder("intake.requests.idempotent.replays")
			.description("Submissions answered with an earlier result for the same Idempotency-Key")
			.register(meters);
		this.duplicates = Counter.builder("intake.requests.duplicates")
			.description("Requests linked to an earlier request by the same person")
			.register(meters);
	}

	/**
	 * Stores a request together with its {@code ContactRequestReceived} event in one
	 * insert, then asks the relay to publish it. With an idempotency key, a repeat of the
	 * same body answers the first result and stores nothing.
	 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
	 * @return the answer, once the request is durably stored
	 */
	Mono<ContactRequestAccepted> submit(ValidContactRequest request, Submitter submitter, String idempotencyKey) {
		if (idempotencyKey == null) {
			return store(UUID.randomUUID().toString(), request, submitter);
		}
		return Mono.fromCallable(() -> fingerprints(request, submitter))
			.flatMap((fingerprints) -> this.idempotencyKeys.reserve(idempotencyKey, fingerprints,
					UUID.randomUUID().toString()))
			.flatMap((id) -> this.mongo.findById(id, ContactRequestDocument.class)
				.map(this::replay)
				.switchIfEmpty(Mono.defer(() -> store(id, request, submitter))));
	}

	private Mono<ContactRequestAccepted> store(String id, ValidContactRequest request, Submitter submitter) {
		return this.traces.withCurrent((trace) -> {
			Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			TriageResult result = this.triage.assess(request.freeText(), receivedAt);
			LookupHashes hashes = LookupHashes.of(request, this.cipher);
			return earlierRequestBySamePerson(hashes, receivedAt).map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((duplicateOf) -> {
					ContactRequestDocument document = ContactRequestDocument.received(id, this.references.next(),
							request, submitter, receivedAt, result, hashes, duplicateOf.orElse(null),
							trace.traceparent(), this.cipher);
					return this.mongo.insert(document).map((stored) -> {
						log.info("Contact request {} received: reference {}, urgency {}, source {}{}{}", stored.id(),
								stored.reference(), stored.urgency(), submitter.source(),
								(stored.duplicateOf() != null) ? ", duplicate of " + stored.duplicateOf() : "",
								trace.logSuffix());
						if (stored.duplicateOf() != null) {
							this.duplicates.increment();
						}
						this.outbox.trigger(stored.id());
						return ContactRequestAccepted.of(stored, result.crisisResources());
					});
				})
				// The same id stored meanwhile (a concurrent repeat of one idempotency
				// key) is answered as a repeat; any other duplicate key is a reference
				// collision, retried with a new reference.
				.onErrorResume(DuplicateKeyException.class,
						(ex) -> this.mongo.findById(id, ContactRequestDocument.class)
							.map(this::replay)
							.switchIfEmpty(Mono.error(ex)));
		}).retryWhen(Retry.max(REFERENCE_ATTEMPTS - 1).filter(DuplicateKeyException.class::isInstance));
	}

	/**
	 * The first request of the same person (same phone or e-mail hash) within the
	 * duplicate window: the earlier request itself, or the one it is a duplicate of.
	 */
	private Mono<String> earlierRequestBySamePerson(LookupHashes hashes, Instant receivedAt) {
		if (hashes.isEmpty()) {
			return Mono.empty();
		}
		List<Criteria> sameContact = new ArrayList<>();
		if (hashes.phone() != null) {
			sameContact.add(where("phoneHash").in(hashes.phoneMatches()));
		}
		if (hashes.email() != null) {
			sameContact.add(where("emailHash").in(hashes.emailMatches()));
		}
		Query query = new Query(new Criteria().andOperator(new Criteria().orOperator(sameContact),
				where("receivedAt").gte(receivedAt.minus(this.properties.duplicateWindow()))))
			.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
			.limit(1);
		query.fields().include("_id", "duplicateOf");
		// read as a plain document: a query typed with a class that lacks its fields has
		// each of them looked up, and refused, as a property path on every call
		return this.mongo.findOne(query, Document.class, ContactRequestCollection.NAME)
			.map((earlier) -> (earlier.getString("duplicateOf") != null) ? earlier.getString("duplicateOf")
					: earlier.getString("_id"));
	}

	private ContactRequestAccepted replay(ContactRequestDocument stored) {
		this.replays.increment();
		return new ContactRequestAccepted(stored.id(), stored.reference(), RequestStatus.RECEIVED, stored.receivedAt(),
				stored.urgency(), nullIfEmpty(this.triage.crisisResourcesFor(stored.urgency())));
	}

	/**
	 * The body's fingerprint under every configured look-up key, the current one first,
	 * so that a repeat still matches across a look-up key rotation.
	 */
	private List<String> fingerprints(ValidContactRequest request, Submitter submitter) {
		String canonical = this.json
			.writeValueAsString(Arrays.asList(submitter.source().name(), submitter.staffId(), request));
		return this.cipher.lookupHashes("idempotency", canonical);
	}

	private static <T> List<T> nullIfEmpty(List<T> list) {
		return list.isEmpty() ? null : list;
	}

	/**
	 * Reads a request for a staff member, recording the read in the audit log first.
	 * @return the request, or a {@link NotFoundException}
	 */
	Mono<ContactRequestDetails> read(String id, String staffSub) {
		return this.mongo.findById(id, ContactRequestDocument.class)
			.switchIfEmpty(Mono.error(() -> new NotFoundException("There is no contact request with this id.")))
			.flatMap((stored) -> this.audit.recordRead(staffSub, stored.id())
				.then(Mono.fromCallable(() -> ContactRequestDetails.of(stored, this.cipher))));
	}

}
