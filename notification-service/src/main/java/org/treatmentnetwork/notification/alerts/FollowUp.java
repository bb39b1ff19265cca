package org.treatmentnetwork.notification.alerts;

import java.time.Instant;

import org.treatmentnetwork.notification.oncall.ContactMethod;

/**
 * A page still to send to one person for an open alert, on one of their contact methods:
 * the later part of an escalation step's contact sequence ("text, then call after 2
 * minutes if not acknowledged"), or the person's next method after a text was not
 * delivered or a call not answered. The dispatcher sends it when it is due, unless the
 * alert was acknowledged or resolved by then.
 *
 * @param id the follow-up's id
 * @param staffId whom to page
 * @param kind the contact method's channel
 * @param address the contact method's address
 * @param dueAt when to send it
 * @param detail why, for the timeline (no personal data)
 */
public record FollowUp(String id, String staffId, ContactMethod.Kind kind, String address, Instant dueAt,
		String detail) {

	static final String ID = "id";

	static final String DUE_AT = "dueAt";

}
