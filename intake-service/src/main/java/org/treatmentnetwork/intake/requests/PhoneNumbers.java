package org.treatmentnetwork.intake.requests;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.stereotype.Component;

/**
 * Normalises phone numbers to E.164 with libphonenumber.
 *
 * <p>
 * A number is accepted when it is <em>possible</em> for its region (right country code
 * and length), not only when libphonenumber's metadata knows its exact range: turning a
 * person away because the metadata lags behind a new number range would be worse than a
 * wrong digit, which the agent will find on the first call.
 */
@Component
class PhoneNumbers {

	private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	PhoneNumbers(ContactRequestProperties properties) {
		this.defaultRegion = properties.phoneDefaultRegion().toUpperCase(Locale.ROOT);
		if (!this.util.getSupportedRegions().contains(this.defaultRegion)) {
			throw new IllegalArgumentException("intake.requests.phone-default-region is not a supported region");
		}
	}

	/**
	 * Normalises a number.
	 * @param raw the number as typed
	 * @return the number in E.164, or empty when it is not a phone number
	 */
	Optional<String> toE164(String raw) {
		try {
			PhoneNumber number = this.util.parse(raw, this.defaultRegion);
			if (!this.util.isPossibleNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(this.util.format(number, PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
