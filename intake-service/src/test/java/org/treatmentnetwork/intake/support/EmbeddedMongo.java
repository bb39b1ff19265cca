package org.treatmentnetwork.intake.support;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB wire-protocol server (memory backend), started once per JVM on a
 * random port and shared by the tests; each test class uses a database of its own.
 */
public final class EmbeddedMongo {

	private static final MongoServer SERVER = start();

	private EmbeddedMongo() {
	}

	/**
	 * @param database the database name
	 * @return a connection string for the database on the shared server
	 */
	public static String uri(String database) {
		InetSocketAddress address = SERVER.getLocalAddress();
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
	}

	private static MongoServer start() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));
		return server;
	}

}
