package org.treatmentnetwork.notification.escalation;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.AlertTriggered;
import org.treatmentnetwork.notification.alerts.FollowUp;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.alerts.TimelineEntry;
import org.treatmentnetwork.notification.alerts.TimelineType;
import org.treatmentnetwork.notification.alerts.Urgency;
import org.treatmentnetwork.notification.channels.DeliveryChannel;
import org.treatmentnetwork.notification.deliveries.Deliveries;
import org.treatmentnetwork.notification.deliveries.DeliveryDocument;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.OnCallPerson;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the provider's receipts do. Each delivery's outcome is recorded once (a replayed
 * receipt changes nothing) and on the alert's timeline: {@code DELIVERED}, or
 * {@code DELIVERY_FAILED} for a text not delivered, {@code NO_ANSWER} for a call not
 * answered, busy, failed, or ended without a key (a voicemail). Those two count as no
 * answer: while the alert is triggered, the person's next contact method is paged at once
 * (a part of the step's sequence scheduled for later is brought forward); when the person
 * has no method left and nothing else is pending for the alert, the escalation goes on to
 * its next step at once.
 */
@Component
public class DeliveryReceipts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);

	private final Deliveries deliveries;

	private final Alerts alerts;

	private final OnCallDirectory directory;

	private final Map<ContactMethod.Kind, DeliveryChannel> channels = new EnumMap<>(ContactMethod.Kind.class);

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DeliveryReceipts(Deliveries deliveries, Alerts alerts, OnCallDirectory directory, List<DeliveryChannel> channels,
			ApplicationEventPublisher events, Clock clock) {
		this.deliveries = deliveries;
		this.alerts = alerts;
		this.directory = directory;
		channels.forEach((channel) -> this.channels.put(channel.kind(), channel));
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A text message's status ({@code MessageStatus}).
	 * @param deliveryId the delivery
	 * @param status the provider's status: {@code delivered}, {@code failed},
	 * {@code undelivered}; others ({@code queued}, {@code sent}…) are not final
	 * @return completes when handled
	 */
	public Mono<Void> messageStatus(String deliveryId, String status) {
		String normalized = (status != null) ? status.toLowerCase(Locale.ROOT) : "";
		return switch (normalized) {
			case "delivered" ->
				record(deliveryId, DeliveryDocument.Outcome.DELIVERED, TimelineType.DELIVERED, "Text delivered");
			case "failed", "undelivered" -> record(deliveryId, DeliveryDocument.Outcome.FAILED,
					TimelineType.DELIVERY_FAILED, "Text not delivered (" + normalized + ")");
			default -> Mono.empty();
		};
	}

	/**
	 * A call's final status ({@code CallStatus}).
	 * @param deliveryId the delivery
	 * @param status {@code completed}, {@code no-answer}, {@code busy}, {@code failed},
	 * {@code canceled}; others are not final
	 * @return completes when handled
	 */
	public Mono<Void> callStatus(String deliveryId, String status) {
		String normalized = (status != null) ? status.toLowerCase(Locale.ROOT) : "";
		return switch (normalized) {
			case "completed" -> this.deliveries.find(deliveryId)
				.flatMap((delivery) -> (delivery.keyPressed() != null)
						? this.deliveries.recordOutcome(deliveryId, DeliveryDocument.Outcome.ANSWERED).then()
						: record(deliveryId, DeliveryDocument.Outcome.NO_ANSWER, TimelineType.NO_ANSWER,
								"Call answered but no key pressed"));
			case "no-answer", "busy", "failed", "canceled" -> record(deliveryId, DeliveryDocument.Outcome.NO_ANSWER,
					TimelineType.NO_ANSWER, "Call not answered (" + normalized + ")");
			default -> Mono.empty();
		};
	}

	private Mono<Void> record(String deliveryId, DeliveryDocument.Outcome outcome, TimelineType type, String detail) {
		return this.deliveries.recordOutcome(deliveryId, outcome).flatMap((delivery) -> {
			log.info("Delivery {} of alert {} to {}: {}", delivery.id(), delivery.alertId(), delivery.staffId(),
					outcome);
			TimelineChannel channel = (delivery.kind() == ContactMethod.Kind.VOICE) ? TimelineChannel.VOICE
					: TimelineChannel.SMS;
			Mono<Void> entry = this.alerts.appendTimeline(delivery.alertId(),
					List.of(new TimelineEntry(this.clock.instant(), type, delivery.staffId(), channel, detail)));
			if (outcome == DeliveryDocument.Outcome.DELIVERED) {
				return entry;
			}
			return entry.then(noAnswer(delivery));
		});
	}

	/**
	 * The person did not answer on this delivery's method: page their next one, or, with
	 * nothing left to try for the alert, escalate now.
	 */
	private Mono<Void> noAnswer(DeliveryDocument delivery) {
		return this.alerts.findById(delivery.alertId())
			.filter((alert) -> alert.state() == AlertState.TRIGGERED)
			.flatMap((alert) -> this.directory.staffMember(delivery.staffId(), alert.centerId())
				.flatMap((person) -> nextMethod(alert, person, delivery))
				.switchIfEmpty(Mono.defer(() -> escalateIfNothingPending(alert))));
	}

	private Mono<Void> nextMethod(AlertDocument alert, OnCallPerson person, DeliveryDocument delivery) {
		String urgency = Urgency.of(alert.urgency()).name();
		List<ContactMethod> methods = person.methodsFor(urgency)
			.stream()
			.filter((method) -> this.channels.containsKey(method.kind()) && this.channels.get(method.kind()).enabled())
			.toList();
		int failed = -1;
		for (int i = 0; i < methods.size(); i++) {
			if (methods.get(i).kind() == delivery.kind() && methods.get(i).address().equals(delivery.address())) {
				failed = i;
			}
		}
		List<ContactMethod> after = methods.subList(failed + 1, methods.size());
		// A part of the step's sequence still scheduled for this person comes first, at
		// once, whatever their methods' order.
		for (FollowUp scheduled : alert.followUps()) {
			if (scheduled.staffId().equals(person.staffId()) && scheduled.dueAt().isAfter(this.clock.instant())) {
				return this.alerts.bringForward(alert.id(), scheduled.id()).doOnNext((moved) -> {
					if (moved) {
						this.events.publishEvent(new AlertTriggered(alert.id()));
					}
				}).then();
			}
		}
		if (after.isEmpty()) {
			return escalateIfNothingPending(alert);
		}
		ContactMethod next = after.get(0);
		FollowUp followUp = new FollowUp(UUID.randomUUID().toString(), person.staffId(), next.kind(), next.address(),
				this.clock.instant(), "Next contact method: the " + describe(delivery.kind()) + " got no answer");
		return this.alerts.addFollowUps(alert.id(), List.of(followUp))
			.then(Mono.fromRunnable(() -> this.events.publishEvent(new AlertTriggered(alert.id()))));
	}

	private Mono<Void> escalateIfNothingPending(AlertDocument alert) {
		if (!alert.followUps().isEmpty()) {
			return Mono.empty();
		}
		return this.alerts
			.escalateNow(alert.id(),
					new TimelineEntry(this.clock.instant(), TimelineType.ESCALATED, null, null,
							"Nobody paged answered on any of their contact methods: escalating to the next step now"))
			.then();
	}

	private static String describe(ContactMethod.Kind kind) {
		return (kind == ContactMethod.Kind.VOICE) ? "call" : "text";
	}

}
