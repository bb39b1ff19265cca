package org.treatmentnetwork.notification.contactmethods;

import java.util.List;

/**
 * The body of {@code PUT /api/on-call/me/contact-methods}: the caller's contact methods
 * in the order pages try them, replacing the stored ones.
 *
 * @param methods 1 to 10 methods
 */
record ContactMethodsRequest(List<ContactMethodInput> methods) {

	/**
	 * One method.
	 *
	 * @param kind {@code EMAIL}, {@code SMS}, {@code VOICE} or {@code WEBHOOK}
	 * @param address the e-mail address, the phone number in international form, or the
	 * webhook's {@code https://} URL
	 * @param urgencies the urgencies it is used for ({@code CRISIS}, {@code HIGH},
	 * {@code ROUTINE}); missing or empty for all
	 */
	record ContactMethodInput(String kind, String address, List<String> urgencies) {

	}

}
