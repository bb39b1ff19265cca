package org.treatmentnetwork.notification.contactmethods;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.treatmentnetwork.notification.alerts.Urgency;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.problems.InvalidRequestException;
import org.treatmentnetwork.notification.problems.InvalidRequestException.FieldError;

/**
 * What a contact method a person enters must look like, the form it is stored in, and how
 * it is shown to others (masked). No message repeats what was entered.
 */
final class ContactMethodRules {

	static final int MAX_METHODS = 10;

	static final String KINDS = "EMAIL, SMS, VOICE or WEBHOOK";

	/** {@code +}, then 8 to 15 digits, the first not 0 (E.164). */
	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

	/** What people write between the digits of a number. */
	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s()-]");

	private static final Pattern EMAIL_LOCAL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private static final Pattern DOMAIN_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

	private static final Pattern TOP_LEVEL_DOMAIN = Pattern.compile("[A-Za-z]{2,63}");

	private static final int MAX_EMAIL = 254;

	private static final int MAX_URL = 2048;

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

	private static final String HIDDEN = "•••";

	private static final String HIDDEN_DIGITS = "•••••••";

	private ContactMethodRules() {
	}

	/**
	 * The methods of a {@code PUT}, validated and in their stored form; every invalid
	 * field is reported at once.
	 * @param request the body
	 * @param localWebhooks whether {@code http://localhost} webhooks are allowed
	 * @return the methods, {@code confirmed} {@code null}
	 * @throws InvalidRequestException naming every invalid field
	 */
	static List<ContactMethod> validate(ContactMethodsRequest request, boolean localWebhooks) {
		if (request == null || request.methods() == null) {
			throw new InvalidRequestException("methods", "must list 1 to " + MAX_METHODS + " contact methods");
		}
		List<ContactMethodsRequest.ContactMethodInput> methods = request.methods();
		if (methods.isEmpty()) {
			throw new InvalidRequestException("methods",
					"must list at least one contact method: a person on call must stay reachable");
		}
		if (methods.size() > MAX_METHODS) {
			throw new InvalidRequestException("methods", "must list at most " + MAX_METHODS + " contact methods");
		}
		List<FieldError> errors = new ArrayList<>();
		List<ContactMethod> valid = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < methods.size(); i++) {
			String field = "methods[" + i + "]";
			ContactMethodsRequest.ContactMethodInput method = methods.get(i);
			if (method == null) {
				errors.add(new FieldError(field, "must not be empty"));
				continue;
			}
			int before = errors.size();
			ContactMethod.Kind kind = kind(method.kind(), field + ".kind", errors);
			String address = (kind != null) ? address(kind, method.address(), field + ".address", localWebhooks, errors)
					: null;
			List<String> urgencies = urgencies(method.urgencies(), field + ".urgencies", errors);
			if (errors.size() > before) {
				continue;
			}
			if (!seen.add(key(kind, address))) {
				errors.add(new FieldError(field, "repeats an earlier method (same kind and address)"));
				continue;
			}
			valid.add(new ContactMethod(kind, address, urgencies, null));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return valid;
	}

	/**
	 * The method a confirmation, code or test request names, in its stored form.
	 * @param kind the kind as sent
	 * @param address the address as sent
	 * @param localWebhooks whether {@code http://localhost} webhooks are allowed
	 * @return the kind and the normalised address
	 * @throws InvalidRequestException naming every invalid field
	 */
	static MethodKey reference(String kind, String address, boolean localWebhooks) {
		List<FieldError> errors = new ArrayList<>();
		ContactMethod.Kind parsed = kind(kind, "kind", errors);
		String normalised = (parsed != null) ? address(parsed, address, "address", localWebhooks, errors) : null;
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new MethodKey(parsed, normalised);
	}

	/**
	 * How a method's address is shown to others: a number by its first and last two
	 * digits, an e-mail address by its first letter and domain, a webhook by its host.
	 * @param method the method
	 * @return the masked address
	 */
	static String mask(ContactMethod method) {
		String address = (method.address() != null) ? method.address() : "";
		return switch (method.kind()) {
			case SMS, VOICE -> maskNumber(address);
			case EMAIL -> maskEmail(address);
			case WEBHOOK -> maskUrl(address);
		};
	}

	static String key(ContactMethod.Kind kind, String address) {
		return kind.name() + " " + address;
	}

	private static ContactMethod.Kind kind(String kind, String field, List<FieldError> errors) {
		if (kind != null) {
			for (ContactMethod.Kind candidate : ContactMethod.Kind.values()) {
				if (candidate.name().equals(kind)) {
					return candidate;
				}
			}
		}
		errors.add(new FieldError(field, "must be " + KINDS));
		return null;
	}

	private static String address(ContactMethod.Kind kind, String address, String field, boolean localWebhooks,
			List<FieldError> errors) {
		if (address == null || address.isBlank()) {
			errors.add(new FieldError(field, "must not be blank"));
			return null;
		}
		String normalised = switch (kind) {
			case SMS, VOICE -> phone(address);
			case EMAIL -> email(address);
			case WEBHOOK -> webhook(address, localWebhooks);
		};
		if (normalised == null) {
			errors.add(new FieldError(field, switch (kind) {
				case SMS, VOICE -> "must be a phone number in international form: + and the country code, "
						+ "8 to 15 digits in all (spaces, dashes and parentheses are allowed)";
				case EMAIL -> "must be an e-mail address";
				case WEBHOOK -> localWebhooks ? "must be an https:// URL (or http://localhost or http://127.0.0.1)"
						: "must be an https:// URL";
			}));
		}
		return normalised;
	}

	/**
	 * A phone number in E.164 form.
	 * @param number as entered
	 * @return the digits after a {@code +}, or {@code null} if it is not one
	 */
	static String phone(String number) {
		String compact = PHONE_SEPARATORS.matcher(number).replaceAll("");
		return PHONE.matcher(compact).matches() ? compact : null;
	}

	/**
	 * A plausible e-mail address: a local part of the usual characters, an {@code @}, a
	 * domain of at least two labels whose last is letters.
	 * @param email as entered
	 * @return trimmed, the domain in lower case, or {@code null} if it is not plausible
	 */
	static String email(String email) {
		String trimmed = email.strip();
		int at = trimmed.lastIndexOf('@');
		if (trimmed.length() > MAX_EMAIL || at < 1 || at > 64 || trimmed.indexOf('@') != at) {
			return null;
		}
		String local = trimmed.substring(0, at);
		String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
		if (!EMAIL_LOCAL.matcher(local).matches()) {
			return null;
		}
		String[] labels = domain.split("\\.", -1);
		if (labels.length < 2 || !TOP_LEVEL_DOMAIN.matcher(labels[labels.length - 1]).matches()) {
			return null;
		}
		for (String label : labels) {
			if (!DOMAIN_LABEL.matcher(label).matches()) {
				return null;
			}
		}
		return local + "@" + domain;
	}

	/**
	 * A webhook URL: {@code https://} and a host, or {@code http://localhost} and
	 * {@code http://127.0.0.1} when local webhooks are allowed.
	 * @param url as entered
	 * @param localWebhooks whether local {@code http} URLs are allowed
	 * @return trimmed, or {@code null} if it is not one
	 */
	static String webhook(String url, boolean localWebhooks) {
		String trimmed = url.strip();
		if (trimmed.length() > MAX_URL) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			return null;
		}
		if (uri.getScheme() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
			return null;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("https")) {
			return trimmed;
		}
		boolean local = LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
		return (scheme.equals("http") && local && localWebhooks) ? trimmed : null;
	}

	private static List<String> urgencies(List<String> urgencies, String field, List<FieldError> errors) {
		if (urgencies == null) {
			return List.of();
		}
		Set<String> valid = new LinkedHashSet<>();
		for (String urgency : urgencies) {
			if (Urgency.known(urgency).isEmpty()) {
				errors.add(new FieldError(field, "must contain only CRISIS, HIGH or ROUTINE"));
				return List.of();
			}
			valid.add(urgency);
		}
		return List.copyOf(valid);
	}

	private static String maskNumber(String number) {
		if (number.length() < 4) {
			return "+" + HIDDEN_DIGITS;
		}
		return number.substring(0, 2) + HIDDEN_DIGITS + number.substring(number.length() - 2);
	}

	private static String maskEmail(String email) {
		int at = email.lastIndexOf('@');
		if (at < 1) {
			return HIDDEN;
		}
		return email.substring(0, 1) + HIDDEN + email.substring(at);
	}

	private static String maskUrl(String url) {
		try {
			String host = new URI(url).getHost();
			return (host != null) ? host.toLowerCase(Locale.ROOT) : HIDDEN;
		}
		catch (URISyntaxException ex) {
			return HIDDEN;
		}
	}

	/**
	 * A method by what identifies it.
	 *
	 * @param kind the kind
	 * @param address the address in its stored form
	 */
	record MethodKey(ContactMethod.Kind kind, String address) {

		boolean matches(ContactMethod method) {
			return method.kind() == this.kind && this.address.equals(method.address());
		}

	}

}
