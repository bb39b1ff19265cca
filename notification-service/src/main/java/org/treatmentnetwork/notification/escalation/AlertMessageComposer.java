package org.treatmentnetwork.notification.escalation;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.Urgency;
import org.treatmentnetwork.notification.channels.AlertMessage;

/**
 * Writes the text of a page. By design it only has the alert's operational fields to work
 * with, and uses exactly these: reference, urgency, center, first-contact due time and
 * the link, in every shape (e-mail, one-line text, webhook fields). The service never
 * receives a person's name, number, message or substances, and a page must never carry
 * them.
 */
final class AlertMessageComposer {

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

	AlertMessage compose(AlertDocument alert, String to, ZoneId zone, URI link) {
		String center = center(alert);
		String due = due(alert.firstContactDueAt(), zone);
		String subject = "[" + alert.urgency() + "] Contact request " + alert.reference() + " needs a first contact";
		String shortText = "[" + alert.urgency() + "] " + alert.reference() + " (" + center + ") first contact due "
				+ due + ". Ack: " + link;
		return message(alert, to, subject, "A contact request is waiting for its first contact.", shortText, due, link);
	}

	/**
	 * The notice to the person currently paged that the person of the alert reached out
	 * again: the same fields, another subject and first line.
	 */
	AlertMessage composeRepeat(AlertDocument alert, String to, ZoneId zone, URI link) {
		String center = center(alert);
		String due = due(alert.firstContactDueAt(), zone);
		String subject = "[" + alert.urgency() + "] Contact request " + alert.reference()
				+ ": the person reached out again";
		String shortText = "[" + alert.urgency() + "] " + alert.reference() + " (" + center
				+ ") reached out again; first contact due " + due + ". Ack: " + link;
		return message(alert, to, subject,
				"The person of this contact request reached out again. It is still waiting for its first contact.",
				shortText, due, link);
	}

	private static AlertMessage message(AlertDocument alert, String to, String subject, String opening,
			String shortText, String due, URI link) {
		String center = center(alert);
		String body = opening + "\n\n" + "Reference: " + alert.reference() + "\n" + "Urgency: " + alert.urgency() + "\n"
				+ "Center: " + center + "\n" + "First contact due: " + due + "\n\n" + "Acknowledge: " + link + "\n";
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("reference", alert.reference());
		fields.put("urgency", alert.urgency());
		fields.put("center", center);
		fields.put("firstContactDueAt",
				(alert.firstContactDueAt() != null) ? alert.firstContactDueAt().toString() : "");
		fields.put("acknowledgeUrl", link.toString());
		return new AlertMessage(to, subject, body, shortText, fields);
	}

	/**
	 * A page for a phone: the text says how to answer by reply, with the alert's code;
	 * the call reads the reference letter by letter and the urgency.
	 * @param template the composed page
	 * @param alert the alert
	 * @param code the alert's reply code
	 * @return the page for a text or a call
	 */
	AlertMessage forPhone(AlertMessage template, AlertDocument alert, String code) {
		String text = template.shortText() + " Reply 1 to acknowledge (ACK " + code
				+ " if several are open), ESC to escalate.";
		String spoken = "This is the treatment network. A " + spokenUrgency(alert) + " contact request, reference "
				+ spell(alert.reference()) + ", for " + center(alert).replace('-', ' ') + ", needs a first contact.";
		return new AlertMessage(template.to(), template.subject(), template.body(), text, template.fields(), spoken,
				template.deliveryId(), template.urgent());
	}

	private static String spokenUrgency(AlertDocument alert) {
		return Urgency.of(alert.urgency()).name().toLowerCase(Locale.ROOT);
	}

	/** {@code K7MQ-4XPA} as {@code K, 7, M, Q, 4, X, P, A}: read one by one. */
	private static String spell(String reference) {
		StringBuilder spelled = new StringBuilder();
		for (char c : reference.toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				if (!spelled.isEmpty()) {
					spelled.append(", ");
				}
				spelled.append(c);
			}
		}
		return spelled.toString();
	}

	private static String center(AlertDocument alert) {
		return (alert.centerId() != null) ? alert.centerId() : "network";
	}

	private static String due(Instant due, ZoneId zone) {
		if (due == null) {
			return "not set";
		}
		return LOCAL_TIME.format(due.atZone(zone)) + " (" + due + ")";
	}

}
