package org.treatmentnetwork.intake.problems;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a JSON binding failure into field errors. The field path is built from the
 * exception's path references and the message from its type only: Jackson's own message
 * may quote the submitted value, so it is never used.
 */
final class JsonInputErrors {

	private static final Pattern SAFE_FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

	private JsonInputErrors() {
	}

	static List<InvalidField> from(JacksonException ex) {
		String field = path(ex);
		if (field.isEmpty()) {
			return List.of();
		}
		return List.of(new InvalidField(field, message(ex)));
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			String name = reference.getPropertyName();
			if (name != null) {
				if (!SAFE_FIELD_NAME.matcher(name).matches()) {
					name = "(unnamed)";
				}
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(name);
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String message(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return expected(mismatch.getTargetType());
		}
		return "has an invalid value";
	}

	private static String expected(Class<?> type) {
		if (type == String.class) {
			return "must be a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "must be a number";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be an array";
		}
		if (type.isEnum()) {
			return "is not one of the allowed values";
		}
		if (type.isRecord() || Map.class.isAssignableFrom(type)) {
			return "must be an object";
		}
		return "has an invalid value";
	}

}
