package org.treatmentnetwork.intake.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.treatmentnetwork.intake.triage.Triage;
import org.treatmentnetwork.intake.triage.TriageResult;

/**
 * Answers a submission whose hidden {@code website} field is filled exactly like an
 * accepted one (a fresh id and reference, triage of the message, crisis lines when it
 * reads as a crisis, in case a person did fill it), but stores and publishes nothing.
 * Counted as {@code intake.honeypot.caught}.
 */
@Component
class Honeypot {

	private static final Logger log = LoggerFactory.getLogger(Honeypot.class);

	private final ReferenceGenerator references;

	private final Triage triage;

	private final Clock clock;

	private final Counter caught;

	Honeypot(ReferenceGenerator references, Triage triage, Clock clock, MeterRegistry meters) {
		this.references = references;
		this.triage = triage;
		this.clock = clock;
		this.caught = Counter.builder("intake.honeypot.caught")
			.description("Submissions with the hidden website field filled: answered, not stored")
			.register(meters);
	}

	ContactRequestAccepted answer(ContactRequestForm form) {
		Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String text = (form.message() != null) ? form.message() : form.bestTimeToContact();
		TriageResult result = this.triage.assess(text, receivedAt);
		this.caught.increment();
		log.info("Honeypot field filled: submission answered and discarded");
		return new ContactRequestAccepted(UUID.randomUUID().toString(), this.references.next(), RequestStatus.RECEIVED,
				receivedAt, result.urgency(), result.crisisResources().isEmpty() ? null : result.crisisResources());
	}

}
