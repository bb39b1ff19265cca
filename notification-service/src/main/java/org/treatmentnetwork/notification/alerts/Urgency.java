package org.treatmentnetwork.notification.alerts;

import java.util.Optional;

/**
 * The urgencies of {@code intake.contact-requests.v1} ({@code contracts/events}), most
 * urgent first: this service's own copy of the contract's names. A name it does not know
 * is treated as the most urgent, never as the least: paging too fast costs a call, paging
 * too slowly can cost a life.
 */
public enum Urgency {

	/** Overdose, suicide or immediate danger. */
	CRISIS,

	/** Withdrawal now, or a loved one in danger. */
	HIGH,

	/** Everything else. */
	ROUTINE;

	/** What an unknown name is treated as. */
	public static final Urgency MOST_URGENT = CRISIS;

	/**
	 * The urgency of a contract name.
	 * @param name the name as the event carries it
	 * @return the urgency, or empty if the name is not one of the contract's (also for
	 * {@code null} and other spellings)
	 */
	public static Optional<Urgency> known(String name) {
		for (Urgency urgency : values()) {
			if (urgency.name().equals(name)) {
				return Optional.of(urgency);
			}
		}
		return Optional.empty();
	}

	/**
	 * The urgency to act on for a name: the named one, or {@link #MOST_URGENT} for a name
	 * this service does not know.
	 * @param name the name
	 * @return the urgency
	 */
	public static Urgency of(String name) {
		return known(name).orElse(MOST_URGENT);
	}

	/**
	 * @param other another urgency
	 * @return whether this one is strictly more urgent
	 */
	public boolean isMoreUrgentThan(Urgency other) {
		return ordinal() < other.ordinal();
	}

}
