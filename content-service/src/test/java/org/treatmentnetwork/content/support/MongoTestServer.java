package org.treatmentnetwork.content.support;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-process MongoDB wire-protocol server (mongo-java-server, memory backend) per
 * test JVM, bound to a random local port and started on first use.
 */
public final class MongoTestServer {

	private MongoTestServer() {
	}

	/**
	 * The connection string of the shared server for a database.
	 * @param database the database name
	 * @return a {@code mongodb://} URI
	 */
	public static String uri(String database) {
		InetSocketAddress address = Holder.ADDRESS;
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
	}

	private static final class Holder {

		private static final MongoServer SERVER = new MongoServer(new MemoryBackend());

		private static final InetSocketAddress ADDRESS;

		static {
			SERVER.bind("127.0.0.1", 0);
			ADDRESS = SERVER.getLocalAddress();
			Runtime.getRuntime().addShutdownHook(new Thread(SERVER::shutdownNow, "mongo-test-server-shutdown"));
		}

	}

}
