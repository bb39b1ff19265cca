package org.treatmentnetwork.notification.alerts;

/**
 * How a timeline entry reached or came from a staff member.
 */
public enum TimelineChannel {

	/** A page sent by e-mail. */
	EMAIL,

	/** A page sent as a text message. */
	SMS,

	/** A page posted to a webhook. */
	WEBHOOK,

	/** An acknowledgement through the authenticated API. */
	API,

	/** An acknowledgement through the one-click link in a page. */
	LINK

}
