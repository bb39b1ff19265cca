package org.treatmentnetwork.localstack.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary (non-unique) index kept in memory and rebuilt from the documents when the
 * server opens the collection. It files each document's position under the values of the
 * index's first field (for equality and {@code $in}, and in order for ranges) and, for a
 * compound index, under the values of its second field per value of the first (for a
 * range on the second field beside an equality on the first, such as "triggered and due
 * by now"). That is what lets {@link IndexedH2Collection} answer a query from the
 * documents it can match instead of every document of the collection. The stock server
 * ignores secondary indexes; every candidate still goes through the query matcher.
 */
final class MemoryIndex extends Index<Object> {

	/** What a position is filed under when its value cannot be filed. */
	private static final List<Object> UNFILED = List.of();

	private final String field;

	private final String second;

	private final Map<Object, Set<Object>> positionsByValue = new HashMap<>();

	private final SortedValues sortedFirst = new SortedValues();

	private final Map<Object, SortedValues> sortedSecondByFirst = new HashMap<>();

	/** What each position is filed under, so that a removal or update is exact. */
	private final Map<Object, Filed> filedByPosition = new HashMap<>();

	/** Documents whose first value cannot be filed: a candidate for every lookup. */
	private final Set<Object> unfiled = new LinkedHashSet<>();

	/**
	 * How many documents hold no single sortable value in the first field (missing,
	 * {@code null}, an array, another kind, or unfiled): while any do, a sort by the
	 * field cannot follow this index, as MongoDB orders those by rules of their own.
	 */
	private int unordered;

	MemoryIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
		this.second = (keys.size() > 1) ? keys.get(1).getKey() : null;
	}

	/** The field this index answers conditions on. */
	String field() {
		return this.field;
	}

	/** The second field of a compound index, or {@code null}. */
	String secondField() {
		return this.second;
	}

	/**
	 * The positions of the documents that may hold one of {@code values} in the first
	 * field: every document that does, and those that cannot be filed by value; or
	 * {@code null} when they are {@code bound} or more (counted before anything is
	 * copied).
	 */
	synchronized Set<Object> positions(List<Object> values, int bound) {
		long count = this.unfiled.size();
		for (Object value : values) {
			Set<Object> filed = this.positionsByValue.get(value);
			count += (filed != null) ? filed.size() : 0;
		}
		if (count >= bound) {
			return null;
		}
		Set<Object> positions = new LinkedHashSet<>();
		for (Object value : values) {
			Set<Object> filed = this.positionsByValue.get(value);
			if (filed != null) {
				positions.addAll(filed);
			}
		}
		positions.addAll(this.unfiled);
		return positions;
	}

	/**
	 * The positions of the documents that may hold a first value within the range, or
	 * {@code null} when they are {@code bound} or more.
	 */
	synchronized Set<Object> positions(IndexValues.Range range, int bound) {
		Set<Object> positions = new LinkedHashSet<>();
		if (!this.sortedFirst.collect(range, positions, bound - this.unfiled.size())) {
			return null;
		}
		positions.addAll(this.unfiled);
		return (positions.size() < bound) ? positions : null;
	}

	/**
	 * The positions of the documents that may hold one of {@code firstValues} in the
	 * first field and a second value within the range, or {@code null} when they are
	 * {@code bound} or more.
	 */
	synchronized Set<Object> positions(List<Object> firstValues, IndexValues.Range secondRange, int bound) {
		Set<Object> positions = new LinkedHashSet<>();
		for (Object value : firstValues) {
			SortedValues seconds = this.sortedSecondByFirst.get(value);
			if (seconds != null && !seconds.collect(secondRange, positions, bound - this.unfiled.size())) {
				return null;
			}
		}
		positions.addAll(this.unfiled);
		return (positions.size() < bound) ? positions : null;
	}

	/**
	 * The positions in the order of the first field's values, one group per value, after
	 * {@code from} ({@code null}: from the first), until the groups hold at least
	 * {@code count} positions; empty when some document's position in that order cannot
	 * be told from this index.
	 */
	synchronized Optional<List<SortedValues.Group>> inOrder(Object from, boolean descending, int count) {
		if (this.unordered > 0) {
			return Optional.empty();
		}
		return Optional.of(this.sortedFirst.groups(from, descending, count));
	}

	/**
	 * One sortable value: a number, a string or a date. (Numbers are kept as doubles, as
	 * the query matcher compares them; two 128-bit decimals or longs past 2^53 that
	 * become one double would tie here where MongoDB orders them. Nothing the services
	 * store is such a number.)
	 */
	private static boolean ordered(List<Object> firsts) {
		return firsts.size() == 1 && firsts.get(0) != null && SortedValues.sortable(firsts.get(0));
	}

	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		// the collection hands over the raw key (null for an _id of null); the data map
		// and every other call use Missing for it
		file(document, Missing.ofNullable(position));
	}

	@Override
	public synchronized Object remove(Document document) {
		Object position = positionOf(document);
		unfile(position);
		return position;
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		unfile(position);
		file(newDocument, position);
	}

	private void file(Document document, Object position) {
		List<Object> firsts = new ArrayList<>(1);
		if (!IndexValues.valuesAt(document, this.field, firsts::add)) {
			this.unfiled.add(position);
			this.filedByPosition.put(position, new Filed(UNFILED, UNFILED));
			this.unordered++;
			return;
		}
		if (!ordered(firsts)) {
			this.unordered++;
		}
		for (Object value : firsts) {
			this.positionsByValue.computeIfAbsent(value, (key) -> new LinkedHashSet<>()).add(position);
			this.sortedFirst.add(value, position);
		}
		List<Object> seconds = UNFILED;
		if (this.second != null) {
			List<Object> values = new ArrayList<>(1);
			boolean filed = IndexValues.valuesAt(document, this.second, values::add);
			for (Object first : firsts) {
				SortedValues sorted = this.sortedSecondByFirst.computeIfAbsent(first, (key) -> new SortedValues());
				if (filed) {
					values.forEach((value) -> sorted.add(value, position));
				}
				else {
					sorted.addUnfiled(position);
				}
			}
			seconds = filed ? values : null;
		}
		this.filedByPosition.put(position, new Filed(firsts, seconds));
	}

	private void unfile(Object position) {
		Filed filed = this.filedByPosition.remove(position);
		if (filed == null) {
			return;
		}
		if (!ordered(filed.firsts())) {
			this.unordered--;
		}
		if (filed.firsts() == UNFILED) {
			this.unfiled.remove(position);
			return;
		}
		for (Object value : filed.firsts()) {
			Set<Object> positions = this.positionsByValue.get(value);
			if (positions != null) {
				positions.remove(position);
				if (positions.isEmpty()) {
					this.positionsByValue.remove(value);
				}
			}
			this.sortedFirst.remove(value, position);
			SortedValues sorted = this.sortedSecondByFirst.get(value);
			if (sorted != null) {
				if (filed.seconds() == null) {
					sorted.removeUnfiled(position);
				}
				else {
					filed.seconds().forEach((second) -> sorted.remove(second, position));
				}
				if (sorted.isEmpty()) {
					this.sortedSecondByFirst.remove(value);
				}
			}
		}
	}

	/** An H2 collection's position is its document's {@code _id}. */
	private static Object positionOf(Document document) {
		return Missing.ofNullable(document.get("_id"));
	}

	@Override
	public Object getPosition(Document document) {
		// not unique: a document's position is not found through this index
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// not unique: nothing to refuse
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// not unique: nothing to refuse
	}

	@Override
	public boolean canHandle(Document query) {
		// looked up by IndexedH2Collection's planner, never as the stock server's index
		return false;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		throw new UnsupportedOperationException("looked up through positions(…)");
	}

	@Override
	public synchronized long getCount() {
		return this.filedByPosition.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public synchronized void drop() {
		this.positionsByValue.clear();
		this.sortedFirst.clear();
		this.sortedSecondByFirst.clear();
		this.filedByPosition.clear();
		this.unfiled.clear();
		this.unordered = 0;
	}

	/**
	 * What a position is filed under.
	 *
	 * @param firsts the first field's values, or {@link #UNFILED}
	 * @param seconds the second field's values, {@code null} when they could not be filed
	 * (kept aside), {@link #UNFILED} for a single-field index
	 */
	private record Filed(List<Object> firsts, List<Object> seconds) {

	}

}
