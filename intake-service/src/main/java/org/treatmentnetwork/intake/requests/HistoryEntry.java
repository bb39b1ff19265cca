package org.treatmentnetwork.intake.requests;

import java.time.Instant;

/**
 * One step in a request's history.
 *
 * @param type what happened: {@code RECEIVED}, {@code CLAIMED}, {@code RELEASED},
 * {@code STATUS_CHANGED} or {@code NOTE}
 * @param at when
 * @param status the request's status afterwards
 * @param source for {@code RECEIVED}, where the request came from
 * @param by the staff member's id, or {@code null} for the website
 * @param note the note or reason, encrypted, or {@code null}
 * @param releasedFrom for {@code RELEASED}, the agent who held the request
 */
record HistoryEntry(String type, Instant at, RequestStatus status, Source source, String by, String note,
		String releasedFrom) {

	static HistoryEntry received(Instant at, Submitter submitter) {
		return new HistoryEntry("RECEIVED", at, RequestStatus.RECEIVED, submitter.source(), submitter.staffId(), null,
				null);
	}

}
