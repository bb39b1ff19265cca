package org.treatmentnetwork.notification.oncall;

import java.util.List;

/**
 * One way to reach a staff member, in the order they want to be tried: their personal
 * notification rule. A method with {@code urgencies} is only used for alerts of those
 * urgencies (for example SMS only for {@code CRISIS}); without, it is used for every
 * alert.
 *
 * @param kind the channel
 * @param address the e-mail address, the SMS number (E.164) or the webhook URL
 * @param urgencies the urgencies the method is used for; empty or {@code null} for all
 */
public record ContactMethod(Kind kind, String address, List<String> urgencies) {

	public ContactMethod {
		urgencies = (urgencies != null) ? List.copyOf(urgencies) : List.of();
	}

	/**
	 * Whether the method is used for an alert of this urgency.
	 * @param urgency the alert's urgency
	 * @return {@code true} if it applies
	 */
	public boolean appliesTo(String urgency) {
		return this.urgencies.isEmpty() || this.urgencies.contains(urgency);
	}

	/**
	 * The channels a page can go out on.
	 */
	public enum Kind {

		/** E-mail over SMTP. */
		EMAIL,

		/** A text message through the SMS provider's HTTP API. */
		SMS,

		/** A JSON POST to a URL, for chat tools. */
		WEBHOOK

	}

}
