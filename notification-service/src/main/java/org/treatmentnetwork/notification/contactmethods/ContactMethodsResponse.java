package org.treatmentnetwork.notification.contactmethods;

import java.util.List;
import java.util.Map;

import org.treatmentnetwork.notification.oncall.ContactMethod;

/**
 * The caller's own contact methods, in paging order, with their addresses in full.
 *
 * @param staffId the caller's staff id (their token's {@code sub})
 * @param methods the methods
 */
record ContactMethodsResponse(String staffId, List<OwnContactMethod> methods) {

	static ContactMethodsResponse of(String staffId, List<ContactMethod> methods) {
		return of(staffId, methods, Map.of());
	}

	static ContactMethodsResponse of(String staffId, List<ContactMethod> methods, Map<String, Delivery> confirmations) {
		return new ContactMethodsResponse(staffId, methods.stream()
			.map((method) -> new OwnContactMethod(method.kind().name(), method.address(), method.urgencies(),
					method.usable(), confirmations.get(ContactMethodRules.key(method.kind(), method.address()))))
			.toList());
	}

	/**
	 * One method.
	 *
	 * @param kind {@code EMAIL}, {@code SMS}, {@code VOICE} or {@code WEBHOOK}
	 * @param address the address
	 * @param urgencies the urgencies it is used for; empty for all
	 * @param confirmed {@code false} while it awaits the code sent to it: pages skip it
	 * @param confirmation whether this answer's request sent a code to it ({@code SENT}
	 * or {@code NOT_SENT}); {@code null} if it sent none
	 */
	record OwnContactMethod(String kind, String address, List<String> urgencies, boolean confirmed,
			Delivery confirmation) {

	}

}
