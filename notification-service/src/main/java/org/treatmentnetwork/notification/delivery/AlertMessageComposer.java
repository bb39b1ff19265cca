package org.treatmentnetwork.notification.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.treatmentnetwork.notification.alerts.AlertDocument;

/**
 * Writes the text of a page. By design it only has the alert's operational fields to work
 * with, and uses exactly these: reference, urgency, center, first-contact due time and
 * the link. The service never receives a person's name, number, message or substances,
 * and a page must never carry them.
 */
final class AlertMessageComposer {

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

	AlertMessage compose(AlertDocument alert, String to, ZoneId zone, URI link) {
		String center = (alert.centerId() != null) ? alert.centerId() : "network";
		String subject = "[" + alert.urgency() + "] Contact request " + alert.reference() + " needs a first contact";
		String body = "A contact request is waiting for its first contact.\n\n" + "Reference: " + alert.reference()
				+ "\n" + "Urgency: " + alert.urgency() + "\n" + "Center: " + center + "\n" + "First contact due: "
				+ due(alert.firstContactDueAt(), zone) + "\n\n" + "Acknowledge: " + link + "\n";
		return new AlertMessage(to, subject, body);
	}

	private static String due(Instant due, ZoneId zone) {
		if (due == null) {
			return "not set";
		}
		return LOCAL_TIME.format(due.atZone(zone)) + " (" + due + ")";
	}

}
