package org.treatmentnetwork.notification.alerts;

import java.time.Instant;

/**
 * One entry of an alert's timeline. {@code detail} is a short operational note and never
 * carries personal data.
 *
 * @param at when it happened
 * @param type what happened
 * @param recipient the staff id concerned, if any
 * @param channel the channel concerned, if any
 * @param detail a short operational note
 */
public record TimelineEntry(Instant at, TimelineType type, String recipient, TimelineChannel channel, String detail) {

	static TimelineEntry of(Instant at, TimelineType type, String detail) {
		return new TimelineEntry(at, type, null, null, detail);
	}

}
