package org.treatmentnetwork.localstack.mongo;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2 backend that answers a write command only once a commit of the MVStore holds it, so
 * that an acknowledged write survives a crash of this process (the stock backend commits
 * in the background about once a second, which would let a {@code 202} outlive the data
 * it promised); writes arriving side by side share one commit. Its databases use their
 * indexes ({@link IndexedH2Database}), so that what a query costs depends on what it can
 * match, not on how much the collection holds.
 */
class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
			"createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

	private final MVStore store;

	/** Write commands applied so far, numbered in the order they finished. */
	private final AtomicLong writes = new AtomicLong();

	private final Object commitLock = new Object();

	/** Every write numbered up to this one is on disk (guarded by the commit lock). */
	private long committedThrough;

	/**
	 * The MVStore's page cache, in MiB. With its default (16), reads past the cache
	 * deserialized pages from the file (Java serialization: a large share of the
	 * stand-in's thread samples at 17,000 stored requests, when it used a whole core), so
	 * that a query cost more the more was stored. Sized for a year of a large network
	 * (100,000 requests and their alerts: {@code bench/data-growth.sh} measures it); the
	 * heap grows to it only as data does.
	 */
	static final int CACHE_MIB = 384;

	DurableH2Backend(String fileName) {
		this(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MIB).open());
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
			commitThrough(this.writes.incrementAndGet());
		}
		return result;
	}

	/**
	 * Returns once a commit that began after write {@code write} was applied has
	 * finished: one commit stands for every write applied before it began, so writes
	 * arriving side by side share a commit instead of queueing for one each, and none is
	 * answered before it is on disk.
	 */
	private void commitThrough(long write) {
		synchronized (this.commitLock) {
			if (this.committedThrough >= write) {
				return;
			}
			// every write numbered up to here was applied before this commit begins
			long through = this.writes.get();
			commit();
			this.committedThrough = through;
		}
	}

}
