package org.treatmentnetwork.notification.oncall;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff member who can be paged ({@code staff} collection). Staff change their own
 * contact methods over the API (package {@code contactmethods}); the collection also
 * holds {@value #CONTACT_METHODS_REVISION}, counted up at each change of the methods, so
 * that a change computed from a list that has changed since is not stored.
 *
 * @param id the staff id (the {@code sub} of their token)
 * @param displayName the name shown to colleagues
 * @param email their e-mail address, used when no contact methods are stored
 * @param contactMethods how to reach them, in the order to try
 */
@Document(StaffDocument.COLLECTION)
public record StaffDocument(@Id String id, String displayName, String email, List<ContactMethod> contactMethods) {

	/** The collection. */
	public static final String COLLECTION = "staff";

	/** The field of the contact methods. */
	public static final String CONTACT_METHODS = "contactMethods";

	/**
	 * The field counting the changes of the contact methods; missing before the first.
	 */
	public static final String CONTACT_METHODS_REVISION = "contactMethodsRevision";

	@PersistenceCreator
	public StaffDocument {
		contactMethods = (contactMethods != null) ? List.copyOf(contactMethods) : List.of();
	}

	StaffDocument(String id, String displayName, String email) {
		this(id, displayName, email, List.of(new ContactMethod(ContactMethod.Kind.EMAIL, email, null)));
	}

	/**
	 * The methods to try, in order: the stored ones, or the e-mail address alone.
	 * @return never empty if the member has an e-mail address
	 */
	public List<ContactMethod> methods() {
		if (!this.contactMethods.isEmpty()) {
			return this.contactMethods;
		}
		return (this.email != null) ? List.of(new ContactMethod(ContactMethod.Kind.EMAIL, this.email, null))
				: List.of();
	}

	/**
	 * Whether pages can reach the member: at least one of their methods is usable (not
	 * awaiting its confirmation).
	 * @return {@code true} if a page has somewhere to go
	 */
	public boolean reachable() {
		return methods().stream().anyMatch(ContactMethod::usable);
	}

}
