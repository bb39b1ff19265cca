package org.treatmentnetwork.localstack.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Filters.size;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in's indexed queries, through the MongoDB driver the services use: every
 * query answers exactly what the stock backend (which matches every document) answers,
 * after inserts, updates, removals and a restart from the data file; and a query that
 * names its documents reads only those.
 */
class IndexedH2BackendTests {

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private static final List<String> STATUSES = List.of("RECEIVED", "CONTACTED", "CLOSED");

	@TempDir
	Path data;

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.open.reversed()) {
			closeable.close();
		}
	}

	@Test
	void answersAsTheStockBackendAfterWritesAndARestart() throws Exception {
		MongoCollection<Document> stock = collection(H2Backend.inMemory());
		Path file = this.data.resolve("mongo.mv");
		DurableH2Backend indexedBackend = new DurableH2Backend(file.toString());
		MongoCollection<Document> indexed = collection(indexedBackend);
		for (MongoCollection<Document> requests : List.of(stock, indexed)) {
			createIndexes(requests);
			requests.insertMany(documents(new Random(7), 300));
		}
		assertSameAnswers(stock, indexed);

		for (MongoCollection<Document> requests : List.of(stock, indexed)) {
			requests.updateMany(and(eq("status", "RECEIVED"), eq("urgency", "HIGH")), Updates.set("status", "CLOSED"));
			requests.updateMany(in("_id", "r1", "r2", "r3", "r40"), Updates.unset("phoneHash"));
			requests.updateMany(eq("tags", "b"), Updates.pull("tags", "b"));
			requests.updateOne(eq("_id", "r5"), Updates.set("outbox.pending", false));
			requests.updateOne(eq("_id", "r6"), Updates.set("emailHash", "e-new"));
			requests.findOneAndUpdate(and(eq("_id", "r7"), eq("outbox.pending", true)),
					Updates.set("outbox.leaseOwner", "lease-1"));
			requests.deleteMany(in("_id", "r8", "r9", "r10"));
			requests.insertMany(documents(new Random(11), 20).stream()
				.map((d) -> d.append("_id", "n" + d.get("_id")).append("reference", "NEW-" + d.get("reference")))
				.toList());
		}
		assertSameAnswers(stock, indexed);

		// the indexed server was opened last: stop it, then open its data file again
		this.open.removeLast().close();
		assertSameAnswers(stock, collection(new DurableH2Backend(file.toString())));
	}

	@Test
	void aQueryThatNamesItsDocumentsReadsOnlyThose() {
		DurableH2Backend backend = new DurableH2Backend(this.data.resolve("mongo.mv").toString());
		MongoCollection<Document> requests = collection(backend);
		createIndexes(requests);
		requests.insertMany(documents(new Random(3), 500));
		long pending = requests.countDocuments(eq("outbox.pending", true));
		IndexedH2Collection collection = indexed(backend);

		assertThat(collection.candidates(wire(and(eq("_id", "r17"), eq("outbox.pending", true)))))
			.hasValueSatisfying((read) -> assertThat(read).containsExactly("r17"));
		// the relay's sweep: the pending entries that are due, through the compound index
		assertThat(collection.candidates(wire(eq("outbox.pending", true))))
			.hasValueSatisfying((read) -> assertThat(read).hasSize((int) pending));
		Bson dueEntries = and(eq("outbox.pending", true), lte("outbox.nextAttemptAt", T0.plusSeconds(60)));
		long due = requests.countDocuments(dueEntries);
		assertThat(collection.candidates(wire(dueEntries)))
			.hasValueSatisfying((read) -> assertThat(read).hasSize((int) due));
		assertThat(due).isPositive().isLessThan(pending);
		// the queue: awaiting contact and of one urgency, through the (status, urgency)
		// index
		Bson queue = and(in("status", "RECEIVED", "CONTACTED"), eq("urgency", "HIGH"));
		long queued = requests.countDocuments(queue);
		assertThat(collection.candidates(wire(queue)))
			.hasValueSatisfying((read) -> assertThat(read).hasSize((int) queued));
		assertThat(collection
			.candidates(wire(and(or(in("phoneHash", "p1", "p2"), eq("emailHash", "e3")), gte("receivedAt", T0)))))
			.hasValueSatisfying((read) -> assertThat(read).hasSizeLessThan(40));
		// the dispatcher's claim reads the open alerts that are due, not every open one
		long open = requests.countDocuments(in("state", "TRIGGERED", "ACKNOWLEDGED"));
		long dueNow = requests.countDocuments(due(T0.minusSeconds(200)));
		assertThat(collection.candidates(wire(due(T0.minusSeconds(200)))))
			.hasValueSatisfying((read) -> assertThat(read).hasSizeBetween((int) dueNow, (int) open / 2));
		// a range on an indexed field reads its range
		assertThat(collection.candidates(wire(gte("updatedAt", T0.plusSeconds(590)))))
			.hasValueSatisfying((read) -> assertThat(read).hasSizeLessThan(60));
		// a condition no index answers reads every document, as before
		assertThat(collection.candidates(wire(gte("receivedAt", T0)))).isEmpty();
		assertThat(pending).isBetween(50L, 450L);
	}

	@Test
	void aSortedReadWithALimitReadsAboutTheLimitInTheIndexOrder() {
		DurableH2Backend backend = new DurableH2Backend(this.data.resolve("mongo.mv").toString());
		MongoCollection<Document> alerts = collection(backend);
		createIndexes(alerts);
		alerts.insertMany(documents(new Random(5), 3000));
		IndexedH2Collection collection = indexed(backend);
		de.bwaldvogel.mongo.bson.Document newestFirst = new de.bwaldvogel.mongo.bson.Document("createdAt", -1);

		// the alert list: the newest 50, and the newest 50 resolved ones
		for (Bson filter : List.of(new Document(), eq("state", "RESOLVED"))) {
			IndexedH2Collection.Walk walk = collection.firstInOrder(wire(filter), newestFirst, 50).orElseThrow();
			assertThat(walk.matches().stream().map((document) -> document.get("_id")).toList())
				.isEqualTo(ids(alerts.find(filter).sort(Sorts.descending("createdAt")).limit(50)));
			assertThat(walk.read()).as("documents read for %s", filter).isLessThan(400);
		}
		// a document that loses its sort field takes the order away, and gives it back
		de.bwaldvogel.mongo.bson.Document all = new de.bwaldvogel.mongo.bson.Document();
		Object createdAt = alerts.find(eq("_id", "r7")).first().get("createdAt");
		alerts.updateOne(eq("_id", "r7"), Updates.unset("createdAt"));
		assertThat(collection.firstInOrder(all, newestFirst, 10)).isEmpty();
		alerts.updateOne(eq("_id", "r7"), Updates.set("createdAt", createdAt));
		assertThat(collection.firstInOrder(all, newestFirst, 10)).isPresent();
		// a field some documents lack, or an array, gives no order through its index
		for (String field : List.of("phoneHash", "tags")) {
			assertThat(
					collection.firstInOrder(wire(new Document()), new de.bwaldvogel.mongo.bson.Document(field, 1), 10))
				.isEmpty();
		}
	}

	private static de.bwaldvogel.mongo.bson.Document wire(Bson filter) {
		Document query = Document.parse(filter.toBsonDocument().toJson());
		return new de.bwaldvogel.mongo.bson.Document(toWire(query));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> toWire(Map<String, Object> map) {
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> result.put(key, toWireValue(value)));
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Object toWireValue(Object value) {
		if (value instanceof Map<?, ?> map) {
			return new de.bwaldvogel.mongo.bson.Document(toWire((Map<String, Object>) map));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(IndexedH2BackendTests::toWireValue).toList();
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant();
		}
		return value;
	}

	private static void assertSameAnswers(MongoCollection<Document> stock, MongoCollection<Document> indexed) {
		Instant now = T0.plusSeconds(150);
		List<Bson> filters = List.of(and(eq("_id", "r17"), gt("receivedAt", T0)), eq("_id", "missing"),
				and(in("_id", "r1", "r2", "r3", "r4", "n5"), eq("outbox.pending", true)),
				and(eq("outbox.pending", true), lte("outbox.nextAttemptAt", now),
						or(eq("outbox.leaseUntil", null), lte("outbox.leaseUntil", now))),
				and(or(in("phoneHash", "p1", "p2", "p3"), in("emailHash", "e1", "e4")), gte("receivedAt", T0)),
				eq("emailHash", null), eq("phoneHash", null), eq("tags", "b"), in("tags", "a", "c"), eq("count", 2),
				eq("count", 2.0), in("count", 1L, 3), eq("steps.dueAt", T0.plusSeconds(60)),
				and(eq("reference", "REF-00012"), eq("status", "RECEIVED")),
				or(eq("status", "CLOSED"), eq("phoneHash", "p2")), or(eq("status", "CLOSED"), gte("receivedAt", now)),
				and(eq("status", "RECEIVED"), size("tags", 2)), eq("outbox.leaseOwner", "lease-1"),
				eq("nested", new Document("a", 1)), due(now), due(T0),
				and(eq("state", "TRIGGERED"), gt("nextActionAt", T0), lte("nextActionAt", now)),
				and(in("state", "TRIGGERED", null), lte("followUps.dueAt", now)), eq("followUps.dueAt", null),
				gte("updatedAt", T0.plusSeconds(300)), and(gt("updatedAt", T0.plusSeconds(100)), lt("updatedAt", T0)),
				lte("updatedAt", now), gte("receivedAt", T0), eq("followUps", List.of()), regex("phoneHash", "^p1"),
				regex("_id", "^r1"), in("tags", Pattern.compile("^a"), "c"),
				and(eq("status", "RECEIVED"), regex("emailHash", "e2")), in("emailHash", "e1", null),
				and(in("reference", "REF-00012", null), eq("status", "RECEIVED")),
				and(in("status", "RECEIVED", "CONTACTED"), eq("urgency", "HIGH")),
				and(eq("status", "CLOSED"), in("urgency", "LOW", "CRISIS")),
				and(eq("status", "CLOSED"), eq("urgency", null)));
		for (Bson filter : filters) {
			assertThat(ids(indexed.find(filter))).as(filter.toString()).isEqualTo(ids(stock.find(filter)));
		}
		Bson queue = and(eq("status", "RECEIVED"), eq("urgency", "LOW"));
		assertThat(ids(indexed.find(queue).sort(Sorts.descending("receivedAt")).limit(5)))
			.isEqualTo(ids(stock.find(queue).sort(Sorts.descending("receivedAt")).limit(5)));
		assertThat(indexed.countDocuments(eq("status", "CLOSED")))
			.isEqualTo(stock.countDocuments(eq("status", "CLOSED")));
		// sorted reads with a limit: through the sort field's index where it gives the
		// order
		// (ties in createdAt; strings among the dates of updatedAt), as the stock sort
		// where
		// it cannot (phoneHash is missing in some documents)
		List<SortedRead> sorted = List.of(new SortedRead(new Document(), Sorts.descending("createdAt"), 0, 50),
				new SortedRead(new Document(), Sorts.ascending("createdAt"), 10, 25),
				new SortedRead(eq("state", "RESOLVED"), Sorts.descending("createdAt"), 3, 7),
				new SortedRead(eq("state", "RESOLVED"), Sorts.ascending("createdAt"), 0, 500),
				new SortedRead(gte("updatedAt", T0), Sorts.ascending("updatedAt"), 0, 20),
				new SortedRead(new Document(), Sorts.descending("updatedAt"), 0, 30),
				new SortedRead(new Document(), Sorts.ascending("updatedAt"), 0, 30),
				new SortedRead(new Document(), Sorts.ascending("phoneHash"), 0, 10));
		for (SortedRead read : sorted) {
			assertThat(ids(read.of(indexed))).as(read.toString()).isEqualTo(ids(read.of(stock)));
		}
	}

	private record SortedRead(Bson filter, Bson sort, int skip, int limit) {

		Iterable<Document> of(MongoCollection<Document> collection) {
			return collection.find(this.filter).sort(this.sort).skip(this.skip).limit(this.limit);
		}

	}

	/**
	 * The notification dispatcher's claim: open, due by one of three times, not leased.
	 */
	private static Bson due(Instant now) {
		return and(in("state", "TRIGGERED", "ACKNOWLEDGED"), or(lte("nextActionAt", now),
				and(exists("repeatNotices.requestId"), lte("repeatNoticeAt", now)), lte("followUps.dueAt", now)),
				or(eq("leaseUntil", null), lte("leaseUntil", now)));
	}

	private static List<Object> ids(Iterable<Document> documents) {
		List<Object> ids = new ArrayList<>();
		documents.forEach((document) -> ids.add(document.get("_id")));
		return ids;
	}

	private static void createIndexes(MongoCollection<Document> requests) {
		requests.createIndex(Indexes.ascending("status", "urgency", "receivedAt"));
		requests.createIndex(Indexes.compoundIndex(Indexes.ascending("phoneHash"), Indexes.descending("receivedAt")));
		requests.createIndex(Indexes.ascending("emailHash"));
		requests.createIndex(Indexes.ascending("outbox.pending", "outbox.nextAttemptAt"));
		requests.createIndex(Indexes.ascending("tags"));
		requests.createIndex(Indexes.ascending("count"));
		requests.createIndex(Indexes.ascending("steps.dueAt"));
		requests.createIndex(Indexes.ascending("nested"));
		requests.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
		requests.createIndex(Indexes.ascending("state", "nextActionAt"));
		requests.createIndex(Indexes.ascending("state", "repeatNoticeAt"));
		requests.createIndex(Indexes.ascending("state", "followUps.dueAt"));
		requests.createIndex(Indexes.ascending("updatedAt"));
		requests.createIndex(Indexes.descending("createdAt"));
	}

	/**
	 * Requests with the shapes the services store: dates, nested fields, arrays, gaps.
	 */
	private static List<Document> documents(Random random, int count) {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Document document = new Document("_id", "r" + i).append("reference", "REF-%05d".formatted(i))
				.append("status", STATUSES.get(random.nextInt(3)))
				.append("urgency", List.of("LOW", "HIGH", "CRISIS").get(random.nextInt(3)))
				.append("receivedAt", java.util.Date.from(T0.plusSeconds(random.nextInt(300) - 20)));
			if (random.nextInt(4) > 0) {
				document.append("phoneHash", "p" + random.nextInt(40));
			}
			document.append("emailHash", (random.nextBoolean()) ? null : "e" + random.nextInt(40));
			Document outbox = new Document("pending", random.nextBoolean()).append("nextAttemptAt",
					java.util.Date.from(T0.plusSeconds(random.nextInt(300))));
			if (random.nextBoolean()) {
				outbox.append("leaseUntil", java.util.Date.from(T0.plusSeconds(random.nextInt(300))));
			}
			document.append("outbox", outbox);
			document.append("tags", Arrays.asList("a", "b", "c", "d").subList(0, random.nextInt(4)));
			document.append("count", List.<Object>of(1, 2L, 2.0, 3).get(random.nextInt(4)));
			document.append("steps",
					List.of(new Document("dueAt", java.util.Date.from(T0.plusSeconds(60 * random.nextInt(3))))));
			if (random.nextInt(10) == 0) {
				document.append("nested", new Document("a", random.nextInt(2)));
			}
			// an alert's due times: a state, a next action, repeat notices and follow-ups
			document.append("state", List.of("TRIGGERED", "ACKNOWLEDGED", "RESOLVED").get(random.nextInt(3)));
			if (random.nextInt(5) > 0) {
				document.append("nextActionAt", java.util.Date.from(T0.plusSeconds(random.nextInt(600) - 300)));
			}
			if (random.nextInt(4) == 0) {
				document.append("repeatNoticeAt", java.util.Date.from(T0.plusSeconds(random.nextInt(600) - 300)))
					.append("repeatNotices", List.of(new Document("requestId", "q" + i)));
			}
			List<Document> followUps = new ArrayList<>();
			for (int f = random.nextInt(3); f > 0; f--) {
				followUps.add(new Document("dueAt", java.util.Date.from(T0.plusSeconds(random.nextInt(600) - 300))));
			}
			document.append("followUps", followUps);
			if (random.nextInt(20) == 0) {
				// a value of another kind where the others hold dates
				document.append("updatedAt", "not a date");
			}
			else {
				document.append("updatedAt", java.util.Date.from(T0.plusSeconds(random.nextInt(600))));
			}
			// an alert's creation time, with ties
			document.append("createdAt", java.util.Date.from(T0.plusSeconds(random.nextInt(120))));
			documents.add(document);
		}
		return documents;
	}

	/** The stand-in's own collection behind {@link #collection}, to ask what it reads. */
	private static IndexedH2Collection indexed(DurableH2Backend backend) {
		return (IndexedH2Collection) backend.resolveDatabase("test").resolveCollection("requests", true);
	}

	private MongoCollection<Document> collection(H2Backend backend) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		MongoClient client = MongoClients.create(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/?serverSelectionTimeoutMS=5000");
		this.open.add(() -> {
			client.close();
			server.shutdown();
			backend.close();
		});
		return client.getDatabase("test").getCollection("requests");
	}

}
