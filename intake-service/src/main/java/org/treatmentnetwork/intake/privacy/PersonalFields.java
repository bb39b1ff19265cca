package org.treatmentnetwork.intake.privacy;

import java.time.Instant;

/**
 * The field names bound into each personal value's ciphertext (see
 * {@link PersonalDataCipher}): a value decrypts only in the field it was written to.
 */
public final class PersonalFields {

	public static final String NAME = "name";

	public static final String PHONE = "phone";

	public static final String EMAIL = "email";

	public static final String BEST_TIME_TO_CONTACT = "bestTimeToContact";

	public static final String SUBSTANCES = "substances";

	public static final String MESSAGE = "message";

	private PersonalFields() {
	}

	/**
	 * The note of one history entry, told apart from the other entries' notes by the
	 * entry's time.
	 * @param at the entry's {@code at}, in milliseconds as stored
	 * @return {@code history.note@<epoch milliseconds>}
	 */
	public static String historyNote(Instant at) {
		return "history.note@" + at.toEpochMilli();
	}

}
