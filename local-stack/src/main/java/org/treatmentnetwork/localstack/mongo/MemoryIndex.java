package org.treatmentnetwork.localstack.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary (non-unique) index kept in memory and rebuilt from the documents when the
 * server opens the collection. It files each document's position under the values of the
 * index's first field, which is what lets {@link IndexedH2Collection} answer an equality
 * or {@code $in} condition on that field from the matching documents only, instead of
 * matching every document of the collection. The stock server ignores secondary indexes;
 * the other fields of a compound index are checked by the query matcher, as before.
 */
final class MemoryIndex extends Index<Object> {

	private final String field;

	private final Map<Object, Set<Object>> positionsByValue = new HashMap<>();

	/** What each position is filed under, so that a removal or update is exact. */
	private final Map<Object, List<Object>> valuesByPosition = new HashMap<>();

	/** Documents that cannot be filed by value: a candidate for every lookup. */
	private final Set<Object> unfiled = new LinkedHashSet<>();

	MemoryIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
	}

	/** The field this index answers conditions on. */
	String field() {
		return this.field;
	}

	/**
	 * The positions of the documents that may hold one of {@code values} in the first
	 * field: every document that does, and those that cannot be filed by value.
	 */
	synchronized Set<Object> positions(List<Object> values) {
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

	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		file(document, position);
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
		List<Object> values = new ArrayList<>(1);
		if (IndexValues.valuesAt(document, this.field, values::add)) {
			for (Object value : values) {
				this.positionsByValue.computeIfAbsent(value, (key) -> new LinkedHashSet<>()).add(position);
			}
			this.valuesByPosition.put(position, values);
		}
		else {
			this.unfiled.add(position);
			this.valuesByPosition.put(position, List.of());
		}
	}

	private void unfile(Object position) {
		List<Object> values = this.valuesByPosition.remove(position);
		if (values == null) {
			return;
		}
		this.unfiled.remove(position);
		for (Object value : values) {
			Set<Object> filed = this.positionsByValue.get(value);
			if (filed != null) {
				filed.remove(position);
				if (filed.isEmpty()) {
					this.positionsByValue.remove(value);
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
		throw new UnsupportedOperationException("looked up through positions(values)");
	}

	@Override
	public synchronized long getCount() {
		return this.valuesByPosition.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public synchronized void drop() {
		this.positionsByValue.clear();
		this.valuesByPosition.clear();
		this.unfiled.clear();
	}

}
