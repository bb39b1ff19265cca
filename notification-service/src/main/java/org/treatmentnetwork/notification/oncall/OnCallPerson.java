package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A person to page for an alert.
 *
 * @param teamId the team on whose behalf they are paged
 * @param staffId their staff id
 * @param displayName their display name
 * @param email their e-mail address
 * @param zone the team's zone, for showing times
 * @param since start of their shift, {@code null} if they are not paged from a rotation
 * @param until end of their shift, {@code null} if they are not paged from a rotation
 * @param methods how to reach them, in order
 */
public record OnCallPerson(String teamId, String staffId, String displayName, String email, ZoneId zone, Instant since,
		Instant until, List<ContactMethod> methods) {

	public OnCallPerson {
		methods = (methods != null) ? List.copyOf(methods) : List.of();
	}

	public OnCallPerson(String teamId, String staffId, String displayName, String email, ZoneId zone, Instant since,
			Instant until) {
		this(teamId, staffId, displayName, email, zone, since, until,
				List.of(new ContactMethod(ContactMethod.Kind.EMAIL, email, null)));
	}

	/**
	 * The methods that may page this person for an alert of this urgency, in order:
	 * confirmed, and for that urgency.
	 * @param urgency the alert's urgency, as the contract names it
	 * @return the methods
	 */
	public List<ContactMethod> methodsFor(String urgency) {
		return this.methods.stream()
			.filter(ContactMethod::usable)
			.filter((method) -> method.appliesTo(urgency))
			.toList();
	}

}
