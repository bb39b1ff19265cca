package org.treatmentnetwork.notification.replies;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.alerts.AlertAlreadyResolvedException;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.alerts.TimelineEntry;
import org.treatmentnetwork.notification.alerts.TimelineType;
import org.treatmentnetwork.notification.deliveries.Deliveries;
import org.treatmentnetwork.notification.deliveries.DeliveryDocument;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Acts on text replies and keypresses. A text reply is matched to the staff member whose
 * confirmed number sent it, and acts only on the open alerts texted or called to that
 * person in the last two days: nobody can acknowledge another person's or another team's
 * alert by text. A reply from a number no staff member pages to gets no answer. Each
 * incoming message and each keypress acts once: a replayed webhook changes nothing.
 * Replies carry the reference, urgency and code only.
 */
@Component
public class PageReplies {

	static final String HELP = "Reply 1 or ACK to acknowledge, ACK and the code (ACK 4821) when several are open, "
			+ "ESC to escalate to the next person.";

	private static final Logger log = LoggerFactory.getLogger(PageReplies.class);

	private static final String PROCESSED = "processedWebhooks";

	private final OnCallDirectory directory;

	private final Deliveries deliveries;

	private final Alerts alerts;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	PageReplies(OnCallDirectory directory, Deliveries deliveries, Alerts alerts, ReactiveMongoTemplate mongo,
			Clock clock) {
		this.directory = directory;
		this.deliveries = deliveries;
		this.alerts = alerts;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * A text a staff member sent to the sender number.
	 * @param from the sender's number
	 * @param body the text
	 * @param messageSid the provider's id of the incoming message
	 * @return the reply to send back, or empty for none
	 */
	public Mono<String> textReply(String from, String body, String messageSid) {
		String key = "sms:" + messageSid;
		return firstTime(key)
			.flatMap((first) -> first ? this.directory.staffWithPhone(from).collectList() : Mono.empty())
			.flatMap((staffIds) -> {
				if (staffIds.isEmpty()) {
					log.info("Text reply {} from a number no staff member pages to: ignored", messageSid);
					return Mono.empty();
				}
				if (staffIds.size() > 1) {
					return Mono.just("This number belongs to more than one staff member: acknowledge with the link "
							+ "in the page.");
				}
				return act(staffIds.get(0), ReplyCommand.parse(body));
			})
			// Not done: the provider's retry of this message must act, not count as a
			// replay.
			.onErrorResume((ex) -> forget(key).then(Mono.error(ex)));
	}

	private Mono<String> act(String staffId, ReplyCommand command) {
		if (command.action() == ReplyCommand.Action.HELP) {
			return Mono.just(HELP);
		}
		return this.deliveries.alertsRecentlyPagedTo(staffId)
			.flatMap((ids) -> this.alerts.openAmong(ids).collectList())
			.flatMap((open) -> {
				List<AlertDocument> candidates = (command.code() != null)
						? open.stream().filter((alert) -> command.code().equals(alert.ackCode())).toList()
						: open.stream().filter((alert) -> alert.state() == AlertState.TRIGGERED).toList();
				if (candidates.isEmpty()) {
					return Mono.just((command.code() != null)
							? "No open alert with code " + command.code() + " was paged to you. " + HELP
							: "No alert paged to you is waiting for an acknowledgement.");
				}
				if (candidates.size() > 1) {
					return Mono.just(candidates.size() + " alerts are open: reply "
							+ ((command.action() == ReplyCommand.Action.ESCALATE) ? "ESC" : "ACK") + " and the code: "
							+ candidates.stream()
								.limit(5)
								.map((alert) -> alert.ackCode() + " " + alert.urgency() + " " + alert.reference())
								.collect(Collectors.joining(", "))
							+ ((candidates.size() > 5) ? ", …" : "") + ".");
				}
				AlertDocument alert = candidates.get(0);
				return (command.action() == ReplyCommand.Action.ESCALATE)
						? escalate(alert, staffId, TimelineChannel.SMS, "text reply")
						: acknowledge(alert, staffId, TimelineChannel.SMS);
			});
	}

	/**
	 * A key pressed during a page's call.
	 * @param deliveryId the call's delivery
	 * @param callSid the provider's id of the call
	 * @param digits the key
	 * @return what the call says back, and whether it asks again
	 */
	public Mono<KeyAnswer> keyPressed(String deliveryId, String callSid, String digits) {
		String key = (digits != null) ? digits.strip() : "";
		if (!key.equals("1") && !key.equals("2")) {
			return Mono.just(new KeyAnswer("That key does nothing here.", true));
		}
		return this.deliveries.find(deliveryId)
			.filter((delivery) -> delivery.providerSid() == null || delivery.providerSid().equals(callSid))
			.flatMap((known) -> this.deliveries.recordKey(deliveryId, key)
				.flatMap((delivery) -> key.equals("1") ? acknowledge(delivery) : escalate(delivery))
				.defaultIfEmpty("Your answer to this call was already recorded. Goodbye."))
			.map((speech) -> new KeyAnswer(speech, false))
			.defaultIfEmpty(new KeyAnswer("This call is no longer valid. Goodbye.", false));
	}

	private Mono<String> acknowledge(DeliveryDocument delivery) {
		return this.alerts.findById(delivery.alertId())
			.flatMap((alert) -> acknowledge(alert, delivery.staffId(), TimelineChannel.VOICE))
			.map((text) -> text + " Goodbye.");
	}

	private Mono<String> escalate(DeliveryDocument delivery) {
		return this.alerts.findById(delivery.alertId())
			.flatMap((alert) -> escalate(alert, delivery.staffId(), TimelineChannel.VOICE, "key 2 on a call"))
			.map((text) -> text + " Goodbye.");
	}

	private Mono<String> acknowledge(AlertDocument alert, String staffId, TimelineChannel channel) {
		return this.alerts.acknowledge(alert.id(), staffId, channel)
			.map((acknowledged) -> staffId.equals(acknowledged.acknowledgedBy())
					? "Acknowledged " + alert.reference() + " (" + alert.urgency()
							+ "). Please make the first contact; the request is in the call center's queue."
					: alert.reference() + " is already acknowledged by a colleague: nothing to do.")
			.onErrorResume(AlertAlreadyResolvedException.class,
					(resolved) -> Mono.just(alert.reference() + " is already resolved: nothing to do."));
	}

	private Mono<String> escalate(AlertDocument alert, String staffId, TimelineChannel channel, String how) {
		if (alert.state() != AlertState.TRIGGERED) {
			return Mono.just(alert.reference() + " is already acknowledged: nothing to escalate.");
		}
		TimelineEntry entry = new TimelineEntry(this.clock.instant(), TimelineType.ESCALATED, staffId, channel,
				"Escalation to the next step asked for by " + how);
		return this.alerts.escalateNow(alert.id(), entry)
			.map((escalated) -> escalated ? "Escalated " + alert.reference() + " to the next person."
					: alert.reference() + " is no longer waiting: nothing to escalate.");
	}

	private Mono<Void> forget(String key) {
		return this.mongo.remove(new org.bson.Document("_id", key), PROCESSED)
			.then()
			.onErrorResume((ex) -> Mono.empty());
	}

	/**
	 * Whether this webhook event is seen for the first time; marks it seen.
	 */
	private Mono<Boolean> firstTime(String key) {
		return this.mongo.insert(new org.bson.Document("_id", key).append("at", this.clock.instant()), PROCESSED)
			.thenReturn(Boolean.TRUE)
			.onErrorResume(DuplicateKeyException.class, (seen) -> {
				log.info("Webhook event {} seen before: replay ignored", key);
				return Mono.just(Boolean.FALSE);
			});
	}

	/**
	 * What a call says after a key.
	 *
	 * @param speech the words
	 * @param askAgain whether it waits for another key
	 */
	public record KeyAnswer(String speech, boolean askAgain) {

	}

}
