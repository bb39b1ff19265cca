package org.treatmentnetwork.notification.alerts;

import java.time.Instant;

/**
 * A repeat of the same person, of the same or a lower urgency than the alert it is linked
 * to, whose notice to the person currently paged is still to be sent.
 *
 * @param requestId the repeat's request id
 * @param reference the repeat's reference
 * @param urgency the repeat's urgency
 * @param at when it was linked
 */
public record RepeatNotice(String requestId, String reference, String urgency, Instant at) {

	static final String REQUEST_ID = "requestId";

}
