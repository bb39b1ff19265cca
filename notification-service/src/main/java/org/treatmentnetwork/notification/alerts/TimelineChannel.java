package org.treatmentnetwork.notification.alerts;

/**
 * How a timeline entry reached or came from a staff member.
 */
public enum TimelineChannel {

	/** A page sent by e-mail. */
	EMAIL,

	/** A page sent as a text message, or an acknowledgement by text reply. */
	SMS,

	/** A page by phone call, or an acknowledgement by a key pressed during one. */
	VOICE,

	/** A page posted to a webhook. */
	WEBHOOK,

	/** An acknowledgement through the authenticated API. */
	API,

	/** An acknowledgement through the one-click link in a page. */
	LINK

}
