package org.treatmentnetwork.localstack.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a MongoDB wire-protocol server on disk. Arguments: {@code HOST PORT DATA_FILE}.
 */
public final class MongoWireServer {

	private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

	private MongoWireServer() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: MongoWireServer HOST PORT DATA_FILE");
			System.exit(2);
		}
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		Path file = Path.of(args[2]).toAbsolutePath();
		Files.createDirectories(file.getParent());
		DurableH2Backend backend = new DurableH2Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("stopping MongoDB wire-protocol server");
			server.shutdown();
			backend.close();
			stopped.countDown();
		}, "mongo-shutdown"));
		server.bind(host, port);
		log.info("MongoDB wire-protocol server listening on {}:{}, data in {}", host, port, file);
		stopped.await();
	}

}
