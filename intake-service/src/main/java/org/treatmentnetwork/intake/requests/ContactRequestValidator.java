package org.treatmentnetwork.intake.requests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.treatmentnetwork.intake.problems.InvalidField;
import org.treatmentnetwork.intake.problems.InvalidFieldsException;

/**
 * Checks a submitted form completely (Bean Validation, then the rules that span fields,
 * then the phone number) and reports every problem at once.
 */
@Component
class ContactRequestValidator {

	private final Validator validator;

	private final PhoneNumbers phoneNumbers;

	ContactRequestValidator(Validator validator, PhoneNumbers phoneNumbers) {
		this.validator = validator;
		this.phoneNumbers = phoneNumbers;
	}

	/**
	 * Validates and normalises a form.
	 * @param form the submitted form
	 * @return the normalised request
	 * @throws InvalidFieldsException listing every invalid field
	 */
	ValidContactRequest validate(ContactRequestForm form) {
		List<InvalidField> errors = new ArrayList<>();
		for (ConstraintViolation<ContactRequestForm> violation : this.validator.validate(form)) {
			errors.add(new InvalidField(path(violation.getPropertyPath()), violation.getMessage()));
		}
		String phone = trimToNull(form.phone());
		String email = trimToNull(form.email());
		if (phone == null && email == null) {
			errors.add(new InvalidField("phone", "a phone number or an e-mail address is required"));
			errors.add(new InvalidField("email", "a phone number or an e-mail address is required"));
		}
		String preferred = form.preferredContact();
		if (("PHONE".equals(preferred) || "TEXT".equals(preferred)) && phone == null && email != null) {
			errors.add(new InvalidField("phone", "is required when preferredContact is " + preferred));
		}
		if ("EMAIL".equals(preferred) && email == null && phone != null) {
			errors.add(new InvalidField("email", "is required when preferredContact is EMAIL"));
		}
		if ("TEXT".equals(preferred) && form.consent() != null && !form.consent().allowsText()) {
			errors.add(new InvalidField("consent.text", "must be true when preferredContact is TEXT"));
		}
		String e164 = null;
		if (phone != null && !hasError(errors, "phone")) {
			Optional<String> normalized = this.phoneNumbers.toE164(phone);
			if (normalized.isEmpty()) {
				errors.add(new InvalidField("phone", "must be a valid phone number"));
			}
			else {
				e164 = normalized.get();
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message));
			throw new InvalidFieldsException(errors);
		}
		List<String> substances = (form.substances() != null) ? form.substances().stream().map(String::trim).toList()
				: List.of();
		return new ValidContactRequest(trimToNull(form.name()), e164, email,
				PreferredContact.valueOf(form.preferredContact()), trimToNull(form.bestTimeToContact()),
				ForWhom.valueOf(form.forWhom()), substances, trimToNull(form.message()), trimToNull(form.centerId()),
				form.consent().normalized());
	}

	private static boolean hasError(List<InvalidField> errors, String field) {
		return errors.stream().anyMatch((error) -> error.field().equals(field));
	}

	private static String trimToNull(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/**
	 * A property path as clients write it: {@code consent.contact},
	 * {@code substances[2]}.
	 */
	static String path(Path propertyPath) {
		StringBuilder path = new StringBuilder();
		for (Path.Node node : propertyPath) {
			if (node.isInIterable()) {
				path.append('[').append((node.getIndex() != null) ? node.getIndex() : node.getKey()).append(']');
			}
			String name = node.getName();
			if (name != null && !name.startsWith("<")) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(name);
			}
		}
		return path.toString();
	}

}
