package org.treatmentnetwork.localstack.mongo;

import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2 backend that commits the MVStore after every write command, so that an acknowledged
 * write survives a crash of this process (the stock backend commits in the background
 * about once a second, which would let a {@code 202} outlive the data it promised), and
 * whose databases use their indexes ({@link IndexedH2Database}), so that what a query
 * costs depends on what it can match, not on how much the collection holds.
 */
class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
			"createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

	private final MVStore store;

	DurableH2Backend(String fileName) {
		this(MVStore.open(fileName));
	}

	private DurableH2Backend(MVStore store) {
		// the superclass opens the existing databases while it is constructed, through
		// openOrCreateDatabase
		this.store = store;
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IndexedH2Database(databaseName, this.store, getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		Document result = super.handleCommand(channel, database, command, query);
		if (WRITE_COMMANDS.contains(command.toLowerCase())) {
			commit();
		}
		return result;
	}

}
