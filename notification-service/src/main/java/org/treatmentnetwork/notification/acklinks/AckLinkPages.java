package org.treatmentnetwork.notification.acklinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The small HTML pages behind an acknowledgement link. They show only what a page already
 * carries (reference, urgency, center, due time), load nothing from elsewhere and are
 * served under a strict Content-Security-Policy: no scripts, only the inline style whose
 * hash is listed, forms only to this origin, no framing.
 */
final class AckLinkPages {

	private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:32rem;"
			+ "padding:0 1rem;line-height:1.5}button{font-size:1.25rem;padding:.75rem 1.5rem}" + "dt{font-weight:bold}";

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
			+ "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private AckLinkPages() {
	}

	static ResponseEntity<String> confirm(AlertDocument alert) {
		if (alert.state() != AlertState.TRIGGERED) {
			return settled(HttpStatus.OK, alert);
		}
		String body = "<h1>Acknowledge alert " + escape(alert.reference()) + "?</h1>" + facts(alert)
				+ "<p>Acknowledging tells the team you are handling the first contact and stops escalation.</p>"
				+ "<form method=\"post\"><button type=\"submit\">Acknowledge</button></form>";
		return page(HttpStatus.OK, "Acknowledge alert", body);
	}

	static ResponseEntity<String> acknowledged(AlertDocument alert) {
		return settled(HttpStatus.OK, alert);
	}

	static ResponseEntity<String> resolved() {
		return page(HttpStatus.CONFLICT, "Alert already resolved",
				"<h1>Alert already resolved</h1><p>The request has already been contacted or closed. "
						+ "Nothing more to do.</p>");
	}

	static ResponseEntity<String> invalid() {
		return page(HttpStatus.NOT_FOUND, "Link not valid",
				"<h1>This link is not valid</h1><p>Open the alert in the staff app instead.</p>");
	}

	static ResponseEntity<String> expired() {
		return page(HttpStatus.GONE, "Link expired",
				"<h1>This link has expired</h1><p>Open the alert in the staff app instead.</p>");
	}

	private static ResponseEntity<String> settled(HttpStatus status, AlertDocument alert) {
		String heading;
		if (alert.state() == AlertState.RESOLVED) {
			heading = "Alert " + escape(alert.reference()) + " is resolved";
		}
		else {
			heading = "Alert " + escape(alert.reference()) + " is acknowledged";
		}
		String by = (alert.acknowledgedBy() != null) ? "<p>Acknowledged by " + escape(alert.acknowledgedBy()) + " at "
				+ escape(String.valueOf(alert.acknowledgedAt())) + ".</p>" : "";
		return page(status, "Alert " + alert.state().name().toLowerCase(),
				"<h1>" + heading + "</h1>" + by + facts(alert));
	}

	private static String facts(AlertDocument alert) {
		Instant due = alert.firstContactDueAt();
		return "<dl><dt>Urgency</dt><dd>" + escape(alert.urgency()) + "</dd><dt>Center</dt><dd>"
				+ escape((alert.centerId() != null) ? alert.centerId() : "network")
				+ "</dd><dt>First contact due</dt><dd>" + ((due != null) ? escape(due.toString()) : "not set")
				+ "</dd></dl>";
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title><style>" + STYLE
				+ "</style></head><body><main>" + body + "</main></body></html>";
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("Referrer-Policy", "no-referrer")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(html);
	}

	private static String escape(String value) {
		return (value != null) ? HtmlUtils.htmlEscape(value) : "";
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
