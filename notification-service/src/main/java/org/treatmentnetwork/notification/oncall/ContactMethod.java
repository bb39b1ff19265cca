package org.treatmentnetwork.notification.oncall;

import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * One way to reach a staff member, in the order they want to be tried: their personal
 * notification rule. A method with {@code urgencies} is only used for alerts of those
 * urgencies (for example a call only for {@code CRISIS}); without, it is used for every
 * alert.
 * <p>
 * A method that staff add themselves is only used once they have confirmed it with the
 * code sent to it ({@code confirmed} {@code false} until then). Methods stored before
 * confirmation existed, and those an administrator or the demo seed stores, have
 * {@code confirmed} {@code null} and count as confirmed.
 *
 * @param kind the channel
 * @param address the e-mail address, the phone number (E.164) for texts and calls, or the
 * webhook URL
 * @param urgencies the urgencies the method is used for; empty or {@code null} for all
 * @param confirmed {@code false} while a code sent to the address awaits confirmation
 */
public record ContactMethod(Kind kind, String address, List<String> urgencies, Boolean confirmed) {

	@PersistenceCreator
	public ContactMethod {
		urgencies = (urgencies != null) ? List.copyOf(urgencies) : List.of();
	}

	/**
	 * A confirmed method (stored by an administrator or the demo seed).
	 * @param kind the channel
	 * @param address the address
	 * @param urgencies the urgencies, {@code null} for all
	 */
	public ContactMethod(Kind kind, String address, List<String> urgencies) {
		this(kind, address, urgencies, null);
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
	 * Whether pages may go to this method: it is not waiting for its confirmation.
	 * @return {@code true} unless a confirmation is pending
	 */
	public boolean usable() {
		return !Boolean.FALSE.equals(this.confirmed);
	}

	/**
	 * The channels a page can go out on.
	 */
	public enum Kind {

		/** E-mail over SMTP. */
		EMAIL,

		/** A text message through the text and voice provider (Twilio's REST API). */
		SMS,

		/**
		 * A phone call through the text and voice provider, answered by pressing a key.
		 */
		VOICE,

		/** A JSON POST to a URL, for chat tools. */
		WEBHOOK

	}

}
