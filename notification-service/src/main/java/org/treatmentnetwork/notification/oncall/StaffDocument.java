package org.treatmentnetwork.notification.oncall;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff member who can be paged ({@code staff} collection).
 *
 * @param id the staff id (the {@code sub} of their token)
 * @param displayName the name shown to colleagues
 * @param email their e-mail address, used when no contact methods are stored
 * @param contactMethods how to reach them, in the order to try
 */
@Document("staff")
record StaffDocument(@Id String id, String displayName, String email, List<ContactMethod> contactMethods) {

	@PersistenceCreator
	StaffDocument {
		contactMethods = (contactMethods != null) ? List.copyOf(contactMethods) : List.of();
	}

	StaffDocument(String id, String displayName, String email) {
		this(id, displayName, email, List.of(new ContactMethod(ContactMethod.Kind.EMAIL, email, null)));
	}

	/**
	 * The methods to try, in order: the stored ones, or the e-mail address alone.
	 * @return never empty if the member has an e-mail address
	 */
	List<ContactMethod> methods() {
		if (!this.contactMethods.isEmpty()) {
			return this.contactMethods;
		}
		return (this.email != null) ? List.of(new ContactMethod(ContactMethod.Kind.EMAIL, this.email, null))
				: List.of();
	}

}
