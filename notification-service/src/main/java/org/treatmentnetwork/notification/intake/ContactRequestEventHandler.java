package org.treatmentnetwork.notification.intake;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.NewAlert;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What each event means for alerts. A received request opens its alert; a request that
 * reached {@code CONTACTED} or a later status resolves it. A request that intake marked
 * as a duplicate ({@code duplicateOf}) is attached to the earlier request's open alert
 * instead of paging again; if that alert is resolved or unknown, it pages on its own.
 * Both are idempotent, so duplicates are harmless. Event types this version does not know
 * are skipped.
 */
@Component
class ContactRequestEventHandler {

	private static final Logger log = LoggerFactory.getLogger(ContactRequestEventHandler.class);

	static final Set<String> RESOLVING_STATUSES = Set.of("CONTACTED", "ASSESSMENT_SCHEDULED", "ADMITTED",
			"REFERRED_OUT", "CLOSED");

	private final Alerts alerts;

	ContactRequestEventHandler(Alerts alerts) {
		this.alerts = alerts;
	}

	Mono<Void> handle(ContactRequestEvent event) {
		return switch (event.type()) {
			case ContactRequestEvent.RECEIVED ->
				attachToOriginal(event).flatMap(
						(attached) -> attached ? Mono.empty()
								: this.alerts.open(new NewAlert(event.requestId(), event.eventId(), event.reference(),
										event.urgency(), event.source(), event.centerId(), event.firstContactDueAt()))
									.then());
			case ContactRequestEvent.STATUS_CHANGED -> RESOLVING_STATUSES.contains(event.status())
					? this.alerts.resolveForRequest(event.requestId(), event.status()).then() : Mono.empty();
			default -> {
				log.debug("Skipping event {} of unknown type", event.eventId());
				yield Mono.empty();
			}
		};
	}

	private Mono<Boolean> attachToOriginal(ContactRequestEvent event) {
		if (event.duplicateOf() == null || event.duplicateOf().isBlank()
				|| event.duplicateOf().equals(event.requestId())) {
			return Mono.just(false);
		}
		return this.alerts.attachDuplicate(event.duplicateOf(), event.requestId(), event.reference());
	}

}
