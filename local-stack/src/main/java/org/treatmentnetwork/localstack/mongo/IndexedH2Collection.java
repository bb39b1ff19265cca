package org.treatmentnetwork.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that reads only the documents a query can match when the query says
 * which: by {@code _id}, by a unique index, or by a {@link MemoryIndex}, wherever the
 * condition sits among the query's {@code $and} conditions, and for an {@code $or} whose
 * every branch says so. The stock collection uses an index only when the query is exactly
 * that index's fields, and otherwise matches every document of the collection, so that a
 * claim by {@code _id} with one more condition cost as much as the collection was large.
 * A sorted read with a limit, such as "the newest 50 alerts", follows the order of a
 * memory index on the sort field and stops at the limit, unless the query's conditions
 * narrow it to a few documents already. Every candidate still goes through the query
 * matcher, so the answer is the same; only the documents read change.
 */
final class IndexedH2Collection extends H2Collection {

	private static final String ID = "_id";

	/**
	 * Above this many candidates, a sorted read with a limit follows the sort field's
	 * index instead of sorting every candidate.
	 */
	private static final int SORT_CANDIDATES_AT_MOST = 1000;

	private final MVMap<Object, Document> documents;

	IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, documents, meta, cursorRegistry);
		this.documents = documents;
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		if (query != null && !isNaturalOrder(orderBy)) {
			Optional<Set<Object>> candidates = candidates(query);
			if (limit > 0 && candidates.map((found) -> found.size() > SORT_CANDIDATES_AT_MOST).orElse(true)) {
				Optional<Walk> walk = firstInOrder(query, orderBy, numberToSkip + limit, candidates.orElse(null));
				if (walk.isPresent()) {
					return matchDocumentsFromStream(query, walk.get().matches().stream(), numberToSkip, limit,
							batchSize, null, fieldSelector);
				}
			}
			if (candidates.isPresent()) {
				return matchDocuments(query, inNaturalOrder(candidates.get()), orderBy, numberToSkip, limit, batchSize,
						fieldSelector);
			}
		}
		return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	/**
	 * The first {@code wanted} matches of a query in the order of a sort on one field,
	 * read in the order of a memory index on that field (ties in natural order, as a
	 * stable sort of a full scan leaves them) until enough match or none are left.
	 * @return the matches and how many documents were read, or empty when the sort is not
	 * on one field, no memory index has that field first, or the index cannot give the
	 * order (some document holds no single sortable value there)
	 */
	Optional<Walk> firstInOrder(Document query, Document orderBy, int wanted) {
		return firstInOrder(query, orderBy, wanted, null);
	}

	/**
	 * {@link #firstInOrder(Document, Document, int)}, reading only the documents among
	 * {@code candidates} (when not {@code null}) that the query's conditions narrowed it
	 * to.
	 */
	private Optional<Walk> firstInOrder(Document query, Document orderBy, int wanted, Set<Object> candidates) {
		if (orderBy == null || orderBy.size() != 1 || !(orderBy.values().iterator().next() instanceof Number direction)
				|| Math.abs(direction.intValue()) != 1) {
			return Optional.empty();
		}
		String field = orderBy.keySet().iterator().next();
		MemoryIndex index = null;
		for (Index<Object> candidate : getIndexes()) {
			if (candidate instanceof MemoryIndex memory && memory.field().equals(field)) {
				index = memory;
			}
		}
		if (index == null) {
			return Optional.empty();
		}
		// under the collection's lock (as every query is): the index does not change
		// meanwhile
		List<Document> matches = new ArrayList<>();
		int read = 0;
		Object from = null;
		int count = Math.max(64, 2 * wanted);
		while (matches.size() < wanted) {
			Optional<List<SortedValues.Group>> groups = index.inOrder(from, direction.intValue() < 0, count);
			if (groups.isEmpty()) {
				return Optional.empty();
			}
			if (groups.get().isEmpty()) {
				break;
			}
			for (SortedValues.Group group : groups.get()) {
				List<Object> positions = group.positions();
				positions.sort(this.documents.getKeyType()::compare);
				for (Object position : positions) {
					if (matches.size() == wanted) {
						break;
					}
					if (candidates != null && !candidates.contains(position)) {
						continue;
					}
					Document document = this.documents.get(position);
					read++;
					if (document != null && documentMatchesQuery(document, query)) {
						matches.add(document);
					}
				}
				from = group.value();
			}
			count *= 2;
		}
		return Optional.of(new Walk(matches, read));
	}

	/** What {@link #firstInOrder} found, and how many documents it read for it. */
	record Walk(List<Document> matches, int read) {

	}

	/**
	 * The candidates in the collection's natural order, as a full scan would find them; a
	 * position whose document is gone (removed meanwhile) is no candidate.
	 */
	private List<Object> inNaturalOrder(Set<Object> positions) {
		List<Object> present = new ArrayList<>();
		for (Object position : positions) {
			if (this.documents.containsKey(position)) {
				present.add(position);
			}
		}
		present.sort(this.documents.getKeyType()::compare);
		return present;
	}

	/**
	 * The positions of every document that may match a conjunction of conditions (the
	 * query's fields and the elements of its {@code $and}), from the condition that
	 * narrows them most; empty when no condition can be looked up.
	 */
	Optional<Set<Object>> candidates(Document conjunction) {
		return candidates(conjunction, Map.of(), Integer.MAX_VALUE);
	}

	/**
	 * @param outer the equalities of the conjunctions this one is part of (an {@code $or}
	 * branch or an {@code $and} element must satisfy them too), for a range on the second
	 * field of a compound index whose first field they name
	 * @param bound only fewer candidates than this are worth finding (a narrower
	 * condition is known already): a lookup that would give as many is not made, so that
	 * an equality on a common value ("claimed by nobody", "resolved") beside an
	 * {@code _id} does not copy a set that grows with the collection
	 */
	private Optional<Set<Object>> candidates(Document conjunction, Map<String, List<Object>> outer, int bound) {
		Map<String, List<Object>> equalities = new HashMap<>(outer);
		collectEqualities(conjunction, equalities);
		List<Map.Entry<String, Object>> conditions = new ArrayList<>(conjunction.entrySet());
		// _id first: it names one document, and bounds every other lookup
		conditions.sort(Comparator.comparingInt((condition) -> lookupOrder(condition.getKey())));
		Set<Object> best = null;
		for (Map.Entry<String, Object> condition : conditions) {
			int limit = (best == null) ? bound : best.size();
			Optional<Set<Object>> found = switch (condition.getKey()) {
				case "$and" -> all(condition.getValue(), equalities, limit);
				case "$or" -> any(condition.getValue(), equalities, limit);
				default -> condition.getKey().startsWith("$") ? Optional.empty()
						: lookUp(condition.getKey(), condition.getValue(), equalities, limit);
			};
			if (found.isPresent() && found.get().size() < limit) {
				best = found.get();
			}
		}
		return Optional.ofNullable(best);
	}

	private static int lookupOrder(String key) {
		return ID.equals(key) ? 0 : key.startsWith("$") ? 2 : 1;
	}

	/** The equalities every match of a conjunction satisfies: its own and its $and's. */
	private static void collectEqualities(Document conjunction, Map<String, List<Object>> into) {
		for (Map.Entry<String, Object> condition : conjunction.entrySet()) {
			if (condition.getKey().equals("$and") && condition.getValue() instanceof Collection<?> elements) {
				for (Object element : elements) {
					if (element instanceof Document document) {
						collectEqualities(document, into);
					}
				}
			}
			else if (!condition.getKey().startsWith("$")) {
				IndexValues.wanted(condition.getValue()).ifPresent((values) -> into.put(condition.getKey(), values));
			}
		}
	}

	/** {@code $and}: the narrowest of its elements. */
	private Optional<Set<Object>> all(Object conditions, Map<String, List<Object>> equalities, int bound) {
		if (!(conditions instanceof Collection<?> elements)) {
			return Optional.empty();
		}
		Set<Object> best = null;
		for (Object element : elements) {
			if (element instanceof Document document) {
				int limit = (best == null) ? bound : best.size();
				Optional<Set<Object>> found = candidates(document, equalities, limit);
				if (found.isPresent() && found.get().size() < limit) {
					best = found.get();
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * {@code $or}: the union of its branches, when every branch can be looked up (and the
	 * union stays under the bound).
	 */
	private Optional<Set<Object>> any(Object conditions, Map<String, List<Object>> equalities, int bound) {
		if (!(conditions instanceof Collection<?> branches) || branches.isEmpty()) {
			return Optional.empty();
		}
		Set<Object> union = new LinkedHashSet<>();
		for (Object branch : branches) {
			if (!(branch instanceof Document document)) {
				return Optional.empty();
			}
			Optional<Set<Object>> found = candidates(document, equalities, bound);
			if (found.isEmpty()) {
				return Optional.empty();
			}
			union.addAll(found.get());
			if (union.size() >= bound) {
				return Optional.empty();
			}
		}
		return Optional.of(union);
	}

	/**
	 * One field's condition, through {@code _id}, a unique index or a memory index: an
	 * equality or {@code $in}, or a range, on an index's first field or on the second
	 * field of a compound index whose first field the enclosing conjunctions name.
	 */
	private Optional<Set<Object>> lookUp(String field, Object condition, Map<String, List<Object>> equalities,
			int bound) {
		Optional<List<Object>> wanted = IndexValues.wanted(condition);
		if (wanted.isEmpty()) {
			return IndexValues.range(condition).flatMap((range) -> lookUpRange(field, range, equalities, bound));
		}
		if (ID.equals(field) && ID.equals(getIdField())) {
			if (wanted.get().stream().anyMatch(Number.class::isInstance)) {
				// numeric ids are keyed as stored, not as the matcher compares them
				return Optional.empty();
			}
			Set<Object> positions = new LinkedHashSet<>();
			for (Object id : wanted.get()) {
				positions.add(Missing.ofNullable(id));
			}
			return Optional.of(positions);
		}
		for (Index<Object> index : getIndexes()) {
			if (index instanceof MemoryIndex memory && memory.field().equals(field)) {
				return Optional.ofNullable(memory.positions(wanted.get(), bound));
			}
		}
		// an equality on the second field of a compound index whose first field the
		// conjunctions name, such as the queue's "awaiting contact, of this urgency";
		// null
		// is not looked up there (documents missing the second field are not filed by it)
		if (wanted.get().stream().allMatch((value) -> value != null && SortedValues.sortable(value))) {
			for (Index<Object> index : getIndexes()) {
				if (index instanceof MemoryIndex memory && field.equals(memory.secondField())
						&& equalities.containsKey(memory.field())) {
					Set<Object> positions = new LinkedHashSet<>();
					for (Object value : wanted.get()) {
						Set<Object> found = memory.positions(equalities.get(memory.field()),
								new IndexValues.Range(value, true, value, true), bound - positions.size());
						if (found == null) {
							return Optional.empty();
						}
						positions.addAll(found);
					}
					return Optional.of(positions);
				}
			}
		}
		// a unique index holds no entry for a document without the field (when sparse),
		// which a lookup of null must find
		boolean wantsNull = wanted.get().contains(null);
		for (Index<Object> index : getIndexes()) {
			Document single = new Document(field, condition);
			if (index.isUnique() && !wantsNull && index.canHandle(single)) {
				Set<Object> positions = new LinkedHashSet<>();
				index.getPositions(single).forEach(positions::add);
				return Optional.of(positions);
			}
		}
		return Optional.empty();
	}

	private Optional<Set<Object>> lookUpRange(String field, IndexValues.Range range,
			Map<String, List<Object>> equalities, int bound) {
		Set<Object> best = null;
		for (Index<Object> index : getIndexes()) {
			if (!(index instanceof MemoryIndex memory)) {
				continue;
			}
			int limit = (best == null) ? bound : best.size();
			Set<Object> found = null;
			if (memory.field().equals(field)) {
				found = memory.positions(range, limit);
			}
			else if (field.equals(memory.secondField()) && equalities.containsKey(memory.field())) {
				found = memory.positions(equalities.get(memory.field()), range, limit);
			}
			if (found != null && found.size() < limit) {
				best = found;
			}
		}
		return Optional.ofNullable(best);
	}

	private static boolean isNaturalOrder(Document orderBy) {
		return orderBy != null && orderBy.containsKey("$natural");
	}

}
