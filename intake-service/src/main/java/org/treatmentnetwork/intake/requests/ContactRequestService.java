package org.treatmentnetwork.intake.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import org.treatmentnetwork.intake.audit.AuditLog;
import org.treatmentnetwork.intake.outbox.OutboxTrigger;
import org.treatmentnetwork.intake.problems.NotFoundException;
import org.treatmentnetwork.intake.triage.Triage;
import org.treatmentnetwork.intake.triage.TriageResult;

/**
 * Stores contact requests and serves them to staff.
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

	private final Clock clock;

	ContactRequestService(ReactiveMongoTemplate mongo, ReferenceGenerator references, Triage triage,
			OutboxTrigger outbox, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.references = references;
		this.triage = triage;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Stores a request together with its {@code ContactRequestReceived} event in one
	 * insert, then asks the relay to publish it.
	 * @return the answer, once the request is durably stored
	 */
	Mono<ContactRequestAccepted> submit(ValidContactRequest request, Submitter submitter) {
		return Mono.defer(() -> {
			Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			TriageResult result = this.triage.assess(request.freeText(), receivedAt);
			ContactRequestDocument document = ContactRequestDocument.received(UUID.randomUUID().toString(),
					this.references.next(), request, submitter, receivedAt, result);
			return this.mongo.insert(document)
				.map((stored) -> ContactRequestAccepted.of(stored, result.crisisResources()));
		})
			.retryWhen(Retry.max(REFERENCE_ATTEMPTS - 1).filter(DuplicateKeyException.class::isInstance))
			.doOnNext((accepted) -> {
				log.info("Contact request {} received: reference {}, urgency {}, source {}", accepted.id(),
						accepted.reference(), accepted.urgency(), submitter.source());
				this.outbox.trigger();
			});
	}

	/**
	 * Reads a request for a staff member, recording the read in the audit log first.
	 * @return the request, or a {@link NotFoundException}
	 */
	Mono<ContactRequestDetails> read(String id, String staffSub) {
		return this.mongo.findById(id, ContactRequestDocument.class)
			.switchIfEmpty(Mono.error(() -> new NotFoundException("There is no contact request with this id.")))
			.flatMap((stored) -> this.audit.recordRead(staffSub, stored.id())
				.thenReturn(ContactRequestDetails.of(stored)));
	}

}
