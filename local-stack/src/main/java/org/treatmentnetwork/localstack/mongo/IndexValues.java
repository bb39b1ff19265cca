package org.treatmentnetwork.localstack.mongo;

import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The values an index files a document under and the values a query asks a field for, in
 * one comparable form (numbers as the query matcher compares them, missing as
 * {@code null}).
 */
final class IndexValues {

	private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

	private IndexValues() {
	}

	/**
	 * Calls {@code sink} with every value the document holds at {@code path}: each
	 * element of an array, each value of the documents of an array on the way, and
	 * {@code null} where the field is missing or an array on the way is empty. Answers
	 * {@code false} when the document cannot be filed by value (a scalar, a nested array
	 * or an embedded document where the path goes on or ends, or a value with no simple
	 * equality), so that it must be a candidate for every query.
	 */
	static boolean valuesAt(Document document, String path, Consumer<Object> sink) {
		return valuesAt(document, path.split("\\."), 0, sink);
	}

	private static boolean valuesAt(Object value, String[] path, int segment, Consumer<Object> sink) {
		if (segment == path.length) {
			return finalValues(value, sink);
		}
		if (value instanceof Document embedded) {
			return valuesAt(embedded.get(path[segment]), path, segment + 1, sink);
		}
		if (value == null || value instanceof Missing) {
			sink.accept(null);
			return true;
		}
		if (value instanceof List<?> elements) {
			if (elements.isEmpty()) {
				sink.accept(null);
				return true;
			}
			for (Object element : elements) {
				// the path applies to each document of the array
				if (!(element instanceof Document) || !valuesAt(element, path, segment, sink)) {
					return false;
				}
			}
			return true;
		}
		// a scalar where the path goes on
		return false;
	}

	private static boolean finalValues(Object value, Consumer<Object> sink) {
		if (value instanceof Collection<?> elements) {
			if (elements.isEmpty()) {
				// no value at all: filed with the missing ones, for a lookup of null
				sink.accept(null);
				return true;
			}
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
	 * expressions, arrays, embedded documents), which an equality lookup does not answer.
	 */
	static Optional<List<Object>> wanted(Object condition) {
		if (isOperators(condition)) {
			Document operators = (Document) condition;
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

	/**
	 * The range a query's condition on one field asks for ({@code $gt}, {@code $gte},
	 * {@code $lt}, {@code $lte}, with other operators beside them, which only narrow it),
	 * when its bounds are values a {@link SortedValues} orders: numbers, strings and
	 * dates, both bounds of one kind.
	 */
	static Optional<Range> range(Object condition) {
		if (!isOperators(condition)) {
			return Optional.empty();
		}
		Document operators = (Document) condition;
		Object lower = null;
		Object upper = null;
		boolean lowerInclusive = false;
		boolean upperInclusive = false;
		for (String operator : RANGE_OPERATORS) {
			if (!operators.containsKey(operator)) {
				continue;
			}
			Object bound = normalize(operators.get(operator));
			if (!SortedValues.sortable(bound)) {
				return Optional.empty();
			}
			switch (operator) {
				case "$gt", "$gte" -> {
					lower = bound;
					lowerInclusive = operator.equals("$gte");
				}
				default -> {
					upper = bound;
					upperInclusive = operator.equals("$lte");
				}
			}
		}
		if (lower == null && upper == null) {
			return Optional.empty();
		}
		if (lower != null && upper != null && SortedValues.rank(lower) != SortedValues.rank(upper)) {
			return Optional.empty();
		}
		return Optional.of(new Range(lower, lowerInclusive, upper, upperInclusive));
	}

	private static boolean isOperators(Object condition) {
		return condition instanceof Document operators && !operators.isEmpty()
				&& operators.keySet().iterator().next().startsWith("$");
	}

	/**
	 * A value compared by equality alone: not an array, a document or a regular
	 * expression (which the server decodes as {@link BsonRegularExpression} and the
	 * matcher applies as a pattern).
	 */
	private static boolean simple(Object value) {
		return !(value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Pattern
				|| BsonRegularExpression.isRegularExpression(value) || value instanceof byte[]
				|| (value != null && value.getClass().isArray()));
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
		if (value instanceof Date date) {
			return date.toInstant();
		}
		return value;
	}

	/**
	 * A range of values, each bound {@code null} when open.
	 */
	record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

	}

}
