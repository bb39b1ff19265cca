package org.treatmentnetwork.localstack.mongo;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The values an index files a document under and the values a query asks a field for, in
 * one comparable form (numbers as the query matcher compares them, missing as
 * {@code null}).
 */
final class IndexValues {

	private IndexValues() {
	}

	/**
	 * Calls {@code sink} with every value the document holds at {@code path} (each
	 * element of an array, {@code null} when the field is missing), or answers
	 * {@code false} when the document cannot be filed by value (an array or embedded
	 * document on the way, or a value with no simple equality), so that it must be a
	 * candidate for every query.
	 */
	static boolean valuesAt(Document document, String path, Consumer<Object> sink) {
		Object value = document;
		for (String segment : path.split("\\.")) {
			if (value instanceof Document embedded) {
				value = embedded.get(segment);
			}
			else if (value == null || value instanceof Missing) {
				break;
			}
			else {
				// an array of documents or a scalar on the way: not filed by value
				return false;
			}
		}
		if (value instanceof Collection<?> elements) {
			for (Object element : elements) {
				if (!simple(element)) {
					return false;
				}
			}
			elements.forEach((element) -> sink.accept(normalize(element)));
			return true;
		}
		if (!simple(value)) {
			return false;
		}
		sink.accept(normalize(value));
		return true;
	}

	/**
	 * The values a query's condition on one field asks for: {@code value}, {@code {$eq:
	 * value}} or {@code {$in: [values]}}; empty for any other condition (ranges, regular
	 * expressions, arrays, embedded documents), which an index lookup does not answer.
	 */
	static Optional<List<Object>> wanted(Object condition) {
		if (condition instanceof Document operators && !operators.isEmpty()
				&& operators.keySet().iterator().next().startsWith("$")) {
			if (operators.containsKey("$eq")) {
				return wanted(operators.get("$eq"));
			}
			if (operators.get("$in") instanceof Collection<?> values) {
				if (!values.stream().allMatch(IndexValues::simple)) {
					return Optional.empty();
				}
				return Optional.of(values.stream().map(IndexValues::normalize).toList());
			}
			return Optional.empty();
		}
		if (!simple(condition)) {
			return Optional.empty();
		}
		return Optional.of(Collections.singletonList(normalize(condition)));
	}

	/** A value compared by equality alone: not an array, a document or a pattern. */
	private static boolean simple(Object value) {
		return !(value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Pattern
				|| value instanceof byte[] || (value != null && value.getClass().isArray()));
	}

	/** Numbers as the query matcher compares them; missing as {@code null}. */
	static Object normalize(Object value) {
		if (value == null || value instanceof Missing) {
			return null;
		}
		if (value instanceof Long number && (long) number.doubleValue() != number) {
			// beyond a double's precision: compared as a long
			return number;
		}
		if (value instanceof Number number) {
			double doubleValue = number.doubleValue();
			return (doubleValue == -0.0) ? 0.0 : doubleValue;
		}
		return value;
	}

}
