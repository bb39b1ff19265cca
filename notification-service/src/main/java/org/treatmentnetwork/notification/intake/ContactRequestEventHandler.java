package org.treatmentnetwork.notification.intake;

import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.NewAlert;
import org.treatmentnetwork.notification.alerts.RepeatLink;
import org.treatmentnetwork.notification.alerts.Urgency;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What each event means for alerts. A received request opens its alert; a request that
 * reached {@code CONTACTED} or a later status resolves it. A repeat of the same person
 * (intake's {@code duplicateOf}) is linked to that person's open alert: a more urgent one
 * raises the alert's urgency and pages at once, any other one has the person currently
 * paged told that they reached out again; if the person has no open alert, the repeat
 * opens its own. All of it is idempotent, so duplicates are harmless. An urgency this
 * service does not know is logged and treated as the most urgent. Event types this
 * version does not know are skipped.
 */
@Component
class ContactRequestEventHandler {

	private static final Logger log = LoggerFactory.getLogger(ContactRequestEventHandler.class);

	static final Set<String> RESOLVING_STATUSES = Set.of("CONTACTED", "ASSESSMENT_SCHEDULED", "ADMITTED",
			"REFERRED_OUT", "CLOSED");

	/**
	 * What an unknown urgency may look like in a log line; anything else is not quoted.
	 */
	private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z_]{1,32}");

	private final Alerts alerts;

	ContactRequestEventHandler(Alerts alerts) {
		this.alerts = alerts;
	}

	/**
	 * Opens, links or resolves the alert the event is about.
	 * @param event the event
	 * @param traceparent the trace context of the event's processing, kept with a new
	 * alert so that its pages continue the request's trace; {@code null} for none
	 * @return completes when the alert is stored
	 */
	Mono<Void> handle(ContactRequestEvent event, String traceparent) {
		return switch (event.type()) {
			case ContactRequestEvent.RECEIVED -> received(event, traceparent);
			case ContactRequestEvent.STATUS_CHANGED -> RESOLVING_STATUSES.contains(event.status())
					? this.alerts.resolveForRequest(event.requestId(), event.status()).then() : Mono.empty();
			default -> {
				log.debug("Skipping event {} of unknown type", event.eventId());
				yield Mono.empty();
			}
		};
	}

	private Mono<Void> received(ContactRequestEvent event, String traceparent) {
		NewAlert alert = new NewAlert(event.requestId(), event.eventId(), event.reference(), urgencyOf(event).name(),
				event.source(), event.centerId(), event.firstContactDueAt(), repeatOf(event), traceparent);
		if (alert.duplicateOf() == null) {
			return this.alerts.open(alert).then();
		}
		return this.alerts.linkRepeat(alert)
			.flatMap((link) -> (link == RepeatLink.NO_OPEN_ALERT) ? this.alerts.open(alert).then() : Mono.empty());
	}

	private static Urgency urgencyOf(ContactRequestEvent event) {
		return Urgency.known(event.urgency()).orElseGet(() -> {
			String shown = (event.urgency() != null && PRINTABLE_NAME.matcher(event.urgency()).matches())
					? event.urgency() : "(not a plain name)";
			log.warn("Event {} for request {} has an urgency this service does not know: {}; treated as {}",
					event.eventId(), event.requestId(), shown, Urgency.MOST_URGENT);
			return Urgency.MOST_URGENT;
		});
	}

	private static String repeatOf(ContactRequestEvent event) {
		if (event.duplicateOf() == null || event.duplicateOf().isBlank()
				|| event.duplicateOf().equals(event.requestId())) {
			return null;
		}
		return event.duplicateOf();
	}

}
