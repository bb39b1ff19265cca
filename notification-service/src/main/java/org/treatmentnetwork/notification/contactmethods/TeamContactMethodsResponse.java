package org.treatmentnetwork.notification.contactmethods;

import java.util.List;

/**
 * A team's people and how they are reached, for the team's supervisors: addresses masked.
 *
 * @param team the team key
 * @param members the rotation's members in order, then whoever covers in an override that
 * has not ended, then the supervisor the policy pages
 * @param unreachable the staff ids of the members no page can reach: no confirmed method
 * (or no staff record)
 */
record TeamContactMethodsResponse(String team, List<MemberContactMethods> members, List<String> unreachable) {

	/**
	 * One member.
	 *
	 * @param staffId the staff id
	 * @param displayName the name, {@code null} if the staff id has no staff record
	 * @param reachable whether at least one method is confirmed
	 * @param methods the methods in paging order
	 */
	record MemberContactMethods(String staffId, String displayName, boolean reachable,
			List<MaskedContactMethod> methods) {

	}

	/**
	 * One method, its address masked.
	 *
	 * @param kind {@code EMAIL}, {@code SMS}, {@code VOICE} or {@code WEBHOOK}
	 * @param address a number's first and last two digits, an e-mail address's first
	 * letter and domain, a webhook's host
	 * @param urgencies the urgencies it is used for; empty for all
	 * @param confirmed {@code false} while it awaits its confirmation
	 */
	record MaskedContactMethod(String kind, String address, List<String> urgencies, boolean confirmed) {

	}

}
