package org.treatmentnetwork.localstack.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Positions by one field's value, in order, for range conditions: numbers, strings and
 * dates are kept sorted (each kind apart, as the query matcher compares only values of
 * one kind); positions whose value is of another kind are kept aside and are candidates
 * of every range, so that a range lookup never misses a document the matcher would match.
 * Missing and {@code null} values are not kept: no range matches them.
 */
final class SortedValues {

	private static final Comparator<Object> ORDER = Comparator.comparingInt(SortedValues::rank)
		.thenComparing(SortedValues::compareSameKind);

	private final NavigableMap<Object, Set<Object>> sorted = new TreeMap<>(ORDER);

	private final Set<Object> unsorted = new LinkedHashSet<>();

	/** Whether a normalized value is kept in order: a double, a string or an instant. */
	static boolean sortable(Object value) {
		return value instanceof Double || value instanceof String || value instanceof Instant;
	}

	static int rank(Object value) {
		return switch (value) {
			case Double number -> 0;
			case String text -> 1;
			case Instant instant -> 2;
			default -> throw new IllegalArgumentException("not sortable: " + value.getClass());
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compareSameKind(Object a, Object b) {
		return ((Comparable) a).compareTo(b);
	}

	void add(Object value, Object position) {
		if (value == null) {
			return;
		}
		if (sortable(value)) {
			this.sorted.computeIfAbsent(value, (key) -> new LinkedHashSet<>()).add(position);
		}
		else {
			this.unsorted.add(position);
		}
	}

	/** Positions kept aside whatever their value (not filed by value at all). */
	void addUnfiled(Object position) {
		this.unsorted.add(position);
	}

	void remove(Object value, Object position) {
		if (value == null) {
			return;
		}
		if (sortable(value)) {
			Set<Object> positions = this.sorted.get(value);
			if (positions != null) {
				positions.remove(position);
				if (positions.isEmpty()) {
					this.sorted.remove(value);
				}
			}
		}
		else {
			this.unsorted.remove(position);
		}
	}

	void removeUnfiled(Object position) {
		this.unsorted.remove(position);
	}

	void clear() {
		this.sorted.clear();
		this.unsorted.clear();
	}

	boolean isEmpty() {
		return this.sorted.isEmpty() && this.unsorted.isEmpty();
	}

	/**
	 * The positions of each value in order, one group per value, after {@code from}
	 * ({@code null}: from the first), until the groups hold at least {@code count}
	 * positions or none are left. The positions kept aside are not among them.
	 */
	List<Group> groups(Object from, boolean descending, int count) {
		NavigableMap<Object, Set<Object>> ordered = descending ? this.sorted.descendingMap() : this.sorted;
		if (from != null) {
			ordered = ordered.tailMap(from, false);
		}
		List<Group> groups = new ArrayList<>();
		int positions = 0;
		for (Map.Entry<Object, Set<Object>> entry : ordered.entrySet()) {
			if (positions >= count) {
				break;
			}
			groups.add(new Group(entry.getKey(), new ArrayList<>(entry.getValue())));
			positions += entry.getValue().size();
		}
		return groups;
	}

	/** The positions filed under one value. */
	record Group(Object value, List<Object> positions) {

	}

	/**
	 * Adds the positions of the values within the range, and those kept aside, while
	 * {@code into} holds fewer than {@code bound}.
	 * @return {@code false} when it reached the bound (and holds only part of them)
	 */
	boolean collect(IndexValues.Range range, Set<Object> into, int bound) {
		if (into.size() >= bound) {
			return false;
		}
		NavigableMap<Object, Set<Object>> within = this.sorted;
		if (range.lower() != null && range.upper() != null) {
			if (ORDER.compare(range.lower(), range.upper()) > 0) {
				within = new TreeMap<>(ORDER);
			}
			else {
				within = this.sorted.subMap(range.lower(), range.lowerInclusive(), range.upper(),
						range.upperInclusive());
			}
		}
		else if (range.lower() != null) {
			within = this.sorted.tailMap(range.lower(), range.lowerInclusive());
		}
		else if (range.upper() != null) {
			within = this.sorted.headMap(range.upper(), range.upperInclusive());
		}
		for (Set<Object> positions : within.values()) {
			into.addAll(positions);
			if (into.size() >= bound) {
				return false;
			}
		}
		into.addAll(this.unsorted);
		return into.size() < bound;
	}

}
