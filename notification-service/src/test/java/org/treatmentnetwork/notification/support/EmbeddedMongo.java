package org.treatmentnetwork.notification.support;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-process MongoDB wire-protocol server (memory backend) per test JVM, on a free
 * port; it lives as long as the test JVM.
 */
public final class EmbeddedMongo {

	private static final MongoServer SERVER = new MongoServer(new MemoryBackend());

	private static final String BASE_URI;

	static {
		InetSocketAddress address = SERVER.bind();
		BASE_URI = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/";
	}

	private EmbeddedMongo() {
	}

	/**
	 * The connection string of a database of the shared server. Test classes use separate
	 * databases: cached application contexts keep running (and paging) while later test
	 * classes run.
	 * @param database the database
	 * @return the URI
	 */
	public static String uri(String database) {
		return BASE_URI + database;
	}

}
