package org.treatmentnetwork.localstack.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write the stand-in has answered is in its data file, also when writes arrive side
 * by side and share commits: the file copied while the server still runs (as a crash
 * would leave it) holds every acknowledged insert and update.
 */
class DurableH2BackendTests {

	@TempDir
	Path data;

	@Test
	void everyAcknowledgedWriteIsOnDiskWhenWritesShareCommits() throws Exception {
		Path file = this.data.resolve("mongo.mv");
		DurableH2Backend backend = new DurableH2Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try (MongoClient client = MongoClients.create(uri)) {
			MongoCollection<Document> requests = client.getDatabase("intake").getCollection("requests");
			List<Future<?>> done = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				int w = writer;
				done.add(writers.submit(() -> {
					for (int i = 0; i < 100; i++) {
						String id = w + "-" + i;
						requests.insertOne(new Document("_id", id).append("status", "RECEIVED"));
						requests.updateOne(Filters.eq("_id", id), Updates.set("status", "PUBLISHED"));
					}
				}));
			}
			for (Future<?> writer : done) {
				writer.get();
			}

			// the file as a crash would leave it: copied while the server still runs
			Path copy = this.data.resolve("copy.mv");
			Files.copy(file, copy);
			H2Backend reopened = new H2Backend(copy.toString());
			MongoServer second = new MongoServer(reopened);
			InetSocketAddress secondAddress = second.bind();
			try (MongoClient reader = MongoClients
				.create("mongodb://" + secondAddress.getHostString() + ":" + secondAddress.getPort())) {
				MongoCollection<Document> stored = reader.getDatabase("intake").getCollection("requests");
				assertThat(stored.countDocuments()).isEqualTo(400);
				assertThat(stored.countDocuments(Filters.eq("status", "PUBLISHED"))).isEqualTo(400);
			}
			finally {
				second.shutdown();
				reopened.close();
			}
		}
		finally {
			writers.shutdownNow();
			server.shutdown();
			backend.close();
		}
	}

}
