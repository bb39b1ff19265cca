package org.treatmentnetwork.notification.alerts;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An alert as stored in the {@code alerts} collection: one per contact request (unique
 * index on {@code requestId}). Besides what staff see, it carries the dispatch fields:
 * {@code nextActionAt} is when the dispatcher should act next (absent when nothing is
 * due), {@code leaseOwner}/{@code leaseUntil} mark an instance's claim on that action,
 * and {@code escalationStep} is the step of the escalation policy being paged.
 *
 * @param id the alert id
 * @param requestId the contact request id
 * @param sourceEventId the id of the event that created the alert
 * @param reference the request's short reference
 * @param urgency the request's urgency
 * @param source where the request came from
 * @param centerId the center the request is for, {@code null} for the whole network
 * @param firstContactDueAt when the first contact is due
 * @param state the state
 * @param createdAt when the alert was created
 * @param acknowledgedAt when it was acknowledged
 * @param acknowledgedBy who acknowledged it (staff id)
 * @param resolvedAt when it was resolved
 * @param timeline what happened, oldest first
 * @param escalationStep the escalation step being paged, starting at 1
 * @param nextActionAt when the dispatcher should act next
 * @param leaseUntil until when {@code leaseOwner} holds the next action
 * @param leaseOwner the instance holding the next action
 * @param deliveryAttempts failed deliveries since the last successful one
 * @param escalationRound how many times the policy has started over (0 on the first pass)
 * @param contactOverdue whether the acknowledger was reminded that the first contact is
 * overdue (the next action then escalates)
 * @param updatedAt when the alert last changed
 * @param linkedRequestIds later requests of the same person (intake's
 * {@code duplicateOf}) linked to this alert instead of opening their own
 * @param duplicateOf the person's first request (intake's {@code duplicateOf}) if this
 * alert is for a repeat whose earlier alert was already resolved; with {@code requestId}
 * it finds the person's open alert for later repeats
 * @param pagedStaffIds who the escalation reached last: the people of the last step that
 * reached anyone, or of the steps paged together with it (a repeat notice goes to them)
 * @param repeatNotices repeats of the same or a lower urgency whose notice to the person
 * currently paged is still to be sent
 * @param repeatNoticeAt when the pending repeat notices are due (after a failed notice,
 * its backoff)
 * @param repeatNoticeFailures failed repeat notices since the last one that reached
 * someone
 * @param traceparent the W3C trace context of the request's processing, which every page
 * continues, so that a page is found in the request's trace; {@code null} for alerts
 * opened before tracing
 * @param ackCode the short code staff reply with to acknowledge this alert by text
 * ({@code ACK 4821}), given when the alert is first texted or called; {@code null} before
 * @param followUps pages still to send to people already paged at this step (a sequence's
 * later methods, or the next method after a failed text or unanswered call)
 */
@Document(AlertDocument.COLLECTION)
public record AlertDocument(@Id String id, String requestId, String sourceEventId, String reference, String urgency,
		String source, String centerId, Instant firstContactDueAt, AlertState state, Instant createdAt,
		Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, List<TimelineEntry> timeline,
		int escalationStep, Instant nextActionAt, Instant leaseUntil, String leaseOwner, int deliveryAttempts,
		int escalationRound, boolean contactOverdue, Instant updatedAt, List<String> linkedRequestIds,
		String duplicateOf, List<String> pagedStaffIds, List<RepeatNotice> repeatNotices, Instant repeatNoticeAt,
		int repeatNoticeFailures, String traceparent, String ackCode, List<FollowUp> followUps) {

	static final String COLLECTION = "alerts";

	static final String ID = "_id";

	static final String REQUEST_ID = "requestId";

	static final String REFERENCE = "reference";

	static final String STATE = "state";

	static final String CREATED_AT = "createdAt";

	static final String ACKNOWLEDGED_AT = "acknowledgedAt";

	static final String ACKNOWLEDGED_BY = "acknowledgedBy";

	static final String RESOLVED_AT = "resolvedAt";

	static final String TIMELINE = "timeline";

	static final String NEXT_ACTION_AT = "nextActionAt";

	static final String LEASE_UNTIL = "leaseUntil";

	static final String LEASE_OWNER = "leaseOwner";

	static final String DELIVERY_ATTEMPTS = "deliveryAttempts";

	static final String ESCALATION_STEP = "escalationStep";

	static final String ESCALATION_ROUND = "escalationRound";

	static final String CONTACT_OVERDUE = "contactOverdue";

	static final String UPDATED_AT = "updatedAt";

	static final String LINKED_REQUEST_IDS = "linkedRequestIds";

	static final String URGENCY = "urgency";

	static final String FIRST_CONTACT_DUE_AT = "firstContactDueAt";

	static final String DUPLICATE_OF = "duplicateOf";

	static final String PAGED_STAFF_IDS = "pagedStaffIds";

	static final String REPEAT_NOTICES = "repeatNotices";

	static final String REPEAT_NOTICE_AT = "repeatNoticeAt";

	static final String REPEAT_NOTICE_FAILURES = "repeatNoticeFailures";

	static final String ACK_CODE = "ackCode";

	static final String FOLLOW_UPS = "followUps";

	@PersistenceCreator
	public AlertDocument {
		timeline = (timeline != null) ? List.copyOf(timeline) : List.of();
		linkedRequestIds = (linkedRequestIds != null) ? List.copyOf(linkedRequestIds) : List.of();
		pagedStaffIds = (pagedStaffIds != null) ? List.copyOf(pagedStaffIds) : List.of();
		repeatNotices = (repeatNotices != null) ? List.copyOf(repeatNotices) : List.of();
		followUps = (followUps != null) ? List.copyOf(followUps) : List.of();
	}

	public AlertDocument(String id, String requestId, String sourceEventId, String reference, String urgency,
			String source, String centerId, Instant firstContactDueAt, AlertState state, Instant createdAt,
			Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, List<TimelineEntry> timeline,
			int escalationStep, Instant nextActionAt, Instant leaseUntil, String leaseOwner, int deliveryAttempts) {
		this(id, requestId, sourceEventId, reference, urgency, source, centerId, firstContactDueAt, state, createdAt,
				acknowledgedAt, acknowledgedBy, resolvedAt, timeline, escalationStep, nextActionAt, leaseUntil,
				leaseOwner, deliveryAttempts, 0, false, createdAt, List.of(), null, List.of(), List.of(), null, 0, null,
				null, List.of());
	}

	/**
	 * Whether anyone was paged for this alert yet: until then every page of it is a first
	 * page, which the rate limits let through before re-pages of older alerts.
	 * @return {@code true} if a page reached someone
	 */
	public boolean everPaged() {
		return this.timeline.stream().anyMatch((entry) -> entry.type() == TimelineType.NOTIFIED);
	}

}
