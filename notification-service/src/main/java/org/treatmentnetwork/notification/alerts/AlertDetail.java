package org.treatmentnetwork.notification.alerts;

import java.time.Instant;
import java.util.List;

/**
 * An alert with its timeline, as the contract defines it.
 *
 * @param id the alert id
 * @param requestId the contact request id
 * @param reference the request's reference
 * @param urgency the request's urgency
 * @param state the alert's state
 * @param createdAt when the alert was created
 * @param acknowledgedAt when it was acknowledged
 * @param acknowledgedBy who acknowledged it
 * @param resolvedAt when it was resolved
 * @param timeline what happened, oldest first
 */
record AlertDetail(String id, String requestId, String reference, String urgency, AlertState state, Instant createdAt,
		Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, List<TimelineItem> timeline) {

	static AlertDetail from(AlertDocument alert) {
		return new AlertDetail(alert.id(), alert.requestId(), alert.reference(), alert.urgency(), alert.state(),
				alert.createdAt(), alert.acknowledgedAt(), alert.acknowledgedBy(), alert.resolvedAt(),
				alert.timeline().stream().map(TimelineItem::from).toList());
	}

	/**
	 * One timeline entry.
	 *
	 * @param at when
	 * @param type what happened
	 * @param recipient the staff id concerned
	 * @param channel the channel concerned
	 * @param detail a short note
	 */
	record TimelineItem(Instant at, TimelineType type, String recipient, TimelineChannel channel, String detail) {

		static TimelineItem from(TimelineEntry entry) {
			return new TimelineItem(entry.at(), entry.type(), entry.recipient(), entry.channel(), entry.detail());
		}

	}

}
