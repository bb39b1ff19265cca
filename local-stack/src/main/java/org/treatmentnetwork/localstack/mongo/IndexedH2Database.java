package org.treatmentnetwork.localstack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose collections are {@link IndexedH2Collection}s and whose secondary
 * indexes are {@link MemoryIndex}es (the stock database ignores them). The data and the
 * unique indexes stay where and as the stock H2 backend keeps them, so an existing data
 * file opens unchanged.
 */
final class IndexedH2Database extends H2Database {

	/**
	 * The stock H2 database's map names for a collection's documents and its metadata.
	 */
	private static final String DOCUMENTS_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private final MVStore store;

	IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		// the superclass opens the existing collections and their indexes while it is
		// constructed, through the methods below
		this.store = store;
		super(databaseName, store, cursorRegistry);
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		String fullName = getFullCollectionNamespace(collectionName);
		MVMap<Object, Document> documents = this.store.openMap(DOCUMENTS_PREFIX + fullName);
		MVMap<String, Object> meta = this.store.openMap(META_PREFIX + fullName);
		return new IndexedH2Collection(this, collectionName, options, documents, meta, this.cursorRegistry);
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new MemoryIndex(indexName, keys, sparse);
	}

}
