package org.treatmentnetwork.localstack.sms;

import java.util.regex.Pattern;

/**
 * Phone numbers in E.164: a {@code +} and 8 to 15 digits, the first not {@code 0}.
 */
final class PhoneNumbers {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private PhoneNumbers() {
	}

	static boolean isE164(String number) {
		return number != null && E164.matcher(number).matches();
	}

}
