package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure drills on the running suite: parts of it are stopped, killed or fed a poison
 * record while requests keep coming through the gateway, and afterwards every accepted
 * request must have exactly one alert that was paged exactly once. Services are also
 * frozen, to measure how soon a person is told what to do instead, and slow clients cut
 * off. Each drill prints its figures on a {@code [drill]} line. {@code drills/run} runs
 * them on demand with longer outages; the defaults here keep them within the CI time.
 */
@ExtendWith(RunningSuite.class)
class FailureDrillsSystemIT {

	private static final AtomicLong PEOPLE = new AtomicLong(ThreadLocalRandom.current().nextLong(8_000_000));

	private static final Duration SETTLE = Duration.ofSeconds(120);

	/** The gateway's default time limits for the whole answer, fallback included. */
	private static final Duration CONTENT_TIME_LIMIT = Duration.ofSeconds(3);

	private static final Duration INTAKE_TIME_LIMIT = Duration.ofSeconds(5);

	/** The gateway's default deadlines for receiving a request's headers and its body. */
	private static final Duration DEADLINE = Duration.ofSeconds(10);

	/** Allowed beyond a limit or deadline on a busy machine. */
	private static final Duration SLACK = Duration.ofSeconds(2);

	private final SuiteClient gateway = RunningSuite.gateway();

	private final String onCall = RunningSuite.token("drill-nurse", "ON_CALL");

	@Test
	void brokerDownDelaysPagingButLosesNothing() {
		Duration outage = Duration.ofSeconds(Long.getLong("drill.brokerDownSeconds", 20));
		RunningSuite.stack().stopProcess("kafka");
		Instant stopped = Instant.now();
		List<Accepted> accepted = new ArrayList<>();
		int refused = 0;
		while (Duration.between(stopped, Instant.now()).compareTo(outage) < 0) {
			SuiteClient.Reply reply = submit();
			if (reply.status() == 202) {
				accepted.add(Accepted.of(reply));
			}
			else {
				refused++;
			}
			RunningSuite.sleep(Duration.ofMillis(500));
		}
		Duration brokerStart = RunningSuite.stack().startProcess("kafka");
		Instant restarted = Instant.now();
		awaitExactlyOnePagePerRequest(accepted);
		Duration drained = Duration.between(restarted, Instant.now());
		System.out.printf(
				"[drill] broker down %d s: %d accepted (202), %d refused; broker ready in %d ms; "
						+ "every request paged %d ms after the broker was back%n",
				outage.toSeconds(), accepted.size(), refused, brokerStart.toMillis(), drained.toMillis());
		assertThat(refused).as("intake must not fail while Kafka is down").isZero();
		assertThat(accepted).isNotEmpty();
	}

	@Test
	void notificationServiceKilledMidStreamPagesEveryoneOnce() {
		List<Accepted> accepted = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			accepted.add(Accepted.of(expect202(submit())));
			RunningSuite.sleep(Duration.ofMillis(200));
		}
		RunningSuite.stack().killProcess("notification-service");
		Instant killed = Instant.now();
		for (int i = 0; i < 10; i++) {
			accepted.add(Accepted.of(expect202(submit())));
			RunningSuite.sleep(Duration.ofMillis(200));
		}
		Duration ready = RunningSuite.stack().startProcess("notification-service");
		awaitExactlyOnePagePerRequest(accepted);
		System.out.printf(
				"[drill] notification-service killed (SIGKILL) mid-stream: %d requests, restarted and ready "
						+ "in %d ms, all paged exactly once %d ms after the kill%n",
				accepted.size(), ready.toMillis(), Duration.between(killed, Instant.now()).toMillis());
	}

	@Test
	void databaseRestartIsSurvivedWithoutRestartingServices() {
		Accepted before = Accepted.of(expect202(submit()));
		RunningSuite.stack().stopProcess("mongodb");
		Instant down = Instant.now();
		List<Integer> statuses = new ArrayList<>();
		List<Long> latencies = new ArrayList<>();
		List<Accepted> acceptedMeanwhile = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Instant sent = Instant.now();
			SuiteClient.Reply reply = submit();
			latencies.add(Duration.between(sent, Instant.now()).toMillis());
			statuses.add(reply.status());
			if (reply.status() == 202) {
				acceptedMeanwhile.add(Accepted.of(reply));
			}
			else {
				assertThat(reply.contentType()).startsWith("application/problem+json");
			}
		}
		Duration mongoStart = RunningSuite.stack().startProcess("mongodb");
		Instant back = Instant.now();
		Accepted after = RunningSuite.await("a 202 after the database restart", Duration.ofSeconds(60), () -> {
			SuiteClient.Reply reply = submit();
			return (reply.status() == 202) ? Accepted.of(reply) : null;
		});
		List<Accepted> all = new ArrayList<>(List.of(before, after));
		all.addAll(acceptedMeanwhile);
		awaitExactlyOnePagePerRequest(all);
		System.out.printf(
				"[drill] database stopped for %d ms: requests meanwhile answered %s in %s ms; "
						+ "first 202 %d ms after it was back; no service restarted%n",
				Duration.between(down, back).toMillis() - mongoStart.toMillis(), statuses, latencies,
				Duration.between(back, Instant.now()).toMillis());
		assertThat(statuses).allMatch((status) -> status == 202 || status == 503);
		assertThat(latencies).allMatch((millis) -> millis < 15_000);
		assertThat(RunningSuite.stack().deadProcesses()).isEmpty();
	}

	@Test
	void contentDownIsAnsweredByTheFallbackAndRecovers() {
		RunningSuite.stack().killProcess("content-service");
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Instant sent = Instant.now();
			SuiteClient.Reply reply = this.gateway.get("/api/content/articles?locale=en", null);
			latencies.add(Duration.between(sent, Instant.now()).toMillis());
			assertThat(reply.status()).isEqualTo(503);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.body()).contains("988");
		}
		Duration ready = RunningSuite.stack().startProcess("content-service");
		Instant back = Instant.now();
		RunningSuite.await("content through the gateway again", Duration.ofSeconds(90),
				() -> (this.gateway.get("/api/content/articles?locale=en", null).status() == 200) ? Boolean.TRUE
						: null);
		Duration firstServed = Duration.between(back, Instant.now());
		awaitContentBreakerClosed();
		System.out.printf(
				"[drill] content-service down: fallback answered in %s ms; content ready %d ms after restart, "
						+ "served through the gateway again %d ms later, breaker steadily closed %d ms after restart%n",
				latencies, ready.toMillis(), firstServed.toMillis(), Duration.between(back, Instant.now()).toMillis());
		assertThat(latencies).allMatch((millis) -> millis < 12_000);
	}

	@Test
	void contentHungIsAnsweredWithTheCrisisLinesWithinItsTimeLimit() {
		List<Long> latencies = new ArrayList<>();
		signal("content-service", "STOP");
		Instant stopped = Instant.now();
		try {
			for (int i = 0; i < 3; i++) {
				Instant sent = Instant.now();
				SuiteClient.Reply reply = this.gateway.get("/api/content/articles?locale=en", null);
				latencies.add(Duration.between(sent, Instant.now()).toMillis());
				assertThat(reply.status()).isEqualTo(503);
				assertThat(reply.contentType()).startsWith("application/problem+json");
				assertThat(reply.json().path("crisisResources").size()).isGreaterThanOrEqualTo(1);
				assertThat(reply.body()).contains("988");
			}
		}
		finally {
			signal("content-service", "CONT");
		}
		Instant resumed = Instant.now();
		RunningSuite.await("content through the gateway again", Duration.ofSeconds(90),
				() -> (this.gateway.get("/api/content/articles?locale=en", null).status() == 200) ? Boolean.TRUE
						: null);
		Duration served = Duration.between(resumed, Instant.now());
		awaitContentBreakerClosed();
		System.out.printf("[drill] content-service hung (SIGSTOP) for %d ms: crisis lines answered in %s ms "
				+ "(time limit %d ms); content served %d ms after SIGCONT, breaker steadily closed %d ms after it%n",
				Duration.between(stopped, resumed).toMillis(), latencies, CONTENT_TIME_LIMIT.toMillis(),
				served.toMillis(), Duration.between(resumed, Instant.now()).toMillis());
		assertThat(latencies).allMatch((millis) -> millis < CONTENT_TIME_LIMIT.plus(SLACK).toMillis());
	}

	@Test
	void intakeHungIsAnsweredWithTheIntakePhoneWithinItsTimeLimit() {
		List<Long> latencies = new ArrayList<>();
		signal("intake-service", "STOP");
		Instant stopped = Instant.now();
		try {
			for (int i = 0; i < 3; i++) {
				Instant sent = Instant.now();
				SuiteClient.Reply reply = submit();
				latencies.add(Duration.between(sent, Instant.now()).toMillis());
				assertThat(reply.status()).isEqualTo(503);
				assertThat(reply.contentType()).startsWith("application/problem+json");
				assertThat(reply.json().path("intakePhone").asString()).isNotBlank();
				assertThat(reply.json().path("crisisResources").size()).isGreaterThanOrEqualTo(1);
				assertThat(reply.body()).doesNotContain("Drill Person");
			}
		}
		finally {
			signal("intake-service", "CONT");
		}
		Instant resumed = Instant.now();
		Accepted after = RunningSuite.await("a 202 after the intake service resumed", Duration.ofSeconds(90), () -> {
			SuiteClient.Reply reply = submit();
			return (reply.status() == 202) ? Accepted.of(reply) : null;
		});
		Duration accepted = Duration.between(resumed, Instant.now());
		awaitExactlyOnePagePerRequest(List.of(after));
		System.out.printf(
				"[drill] intake-service hung (SIGSTOP) for %d ms: contact requests answered with the intake phone "
						+ "in %s ms (time limit %d ms); first 202 %d ms after SIGCONT, paged normally%n",
				Duration.between(stopped, resumed).toMillis(), latencies, INTAKE_TIME_LIMIT.toMillis(),
				accepted.toMillis());
		assertThat(latencies).allMatch((millis) -> millis < INTAKE_TIME_LIMIT.plus(SLACK).toMillis());
	}

	@Test
	void slowClientsAreCutOffAtTheDeadlines() throws Exception {
		// a byte every half second: far inside the idle timeout (75 s), which each byte
		// starts again
		Duration pause = Duration.ofMillis(500);
		String headers = "POST /api/intake/contact-requests HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nX-Padding: " + "a".repeat(400) + "\r\n\r\n";
		String body = "{\"name\":\"Drill Person\",\"message\":\"" + "x".repeat(400) + "\"}";
		ExecutorService clients = Executors.newFixedThreadPool(3);
		CompletableFuture<Cutoff> headersCutoff = CompletableFuture.supplyAsync(() -> {
			try (SlowClient client = SlowClient.connect(Duration.ofSeconds(60))) {
				Instant start = Instant.now();
				return new Cutoff(client.trickleUntilAnswered(headers, pause), Duration.between(start, Instant.now()));
			}
		}, clients);
		CompletableFuture<Cutoff> bodyCutoff = CompletableFuture.supplyAsync(() -> {
			try (SlowClient client = SlowClient.connect(Duration.ofSeconds(60))) {
				client.send("POST /api/intake/contact-requests HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n");
				Instant start = Instant.now();
				return new Cutoff(client.trickleUntilAnswered(body, pause), Duration.between(start, Instant.now()));
			}
		}, clients);
		// a keep-alive connection waiting longer than the deadlines between requests
		CompletableFuture<List<Integer>> keptAlive = CompletableFuture.supplyAsync(() -> {
			try (SlowClient client = SlowClient.connect(Duration.ofSeconds(60))) {
				String request = "GET /api/not-routed HTTP/1.1\r\nHost: localhost\r\n\r\n";
				client.send(request);
				int first = client.readStatus();
				RunningSuite.sleep(DEADLINE.plusSeconds(5));
				client.send(request);
				return List.of(first, client.readStatus());
			}
		}, clients);
		Cutoff headersEnd;
		Cutoff bodyEnd;
		List<Integer> keptAliveStatuses;
		try {
			headersEnd = headersCutoff.get(90, TimeUnit.SECONDS);
			bodyEnd = bodyCutoff.get(90, TimeUnit.SECONDS);
			keptAliveStatuses = keptAlive.get(90, TimeUnit.SECONDS);
		}
		finally {
			clients.shutdownNow();
		}
		System.out.printf(
				"[drill] slow clients (a byte every %d ms): headers cut off after %d ms with %s, declared body cut off "
						+ "after %d ms with %s (deadlines %d ms); a keep-alive connection idle for %d ms between "
						+ "requests answered %s%n",
				pause.toMillis(), headersEnd.after().toMillis(), headersEnd.status(), bodyEnd.after().toMillis(),
				bodyEnd.status(), DEADLINE.toMillis(), DEADLINE.plusSeconds(5).toMillis(), keptAliveStatuses);
		for (Cutoff cutoff : List.of(headersEnd, bodyEnd)) {
			assertThat(cutoff.answer()).startsWith("HTTP/1.1 408 ")
				.contains("application/problem+json")
				.contains("\"type\":\"https://treatment-network.example/problems/request-timeout\"")
				.doesNotContain("Drill Person");
			assertThat(cutoff.after()).isGreaterThanOrEqualTo(DEADLINE).isLessThan(DEADLINE.plus(SLACK));
		}
		assertThat(keptAliveStatuses).containsExactly(404, 404);
	}

	@Test
	void aPoisonRecordGoesToTheDeadLetterTopicAndLaterRecordsAreProcessed() {
		String poison = "not json " + UUID.randomUUID();
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSuite.config().kafkaBootstrap());
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("intake.contact-requests.v1", "poison", poison)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish the poison record", ex);
		}
		Accepted later = Accepted.of(expect202(submit()));
		awaitExactlyOnePagePerRequest(List.of(later));
		boolean deadLettered = RunningSuite.await("the poison record on the dead-letter topic", Duration.ofSeconds(60),
				() -> Topics.readAll(Topics.DEAD_LETTERS).stream().anyMatch((r) -> poison.equals(r.value()))
						? Boolean.TRUE : null);
		System.out.printf("[drill] poison record: dead-lettered=%s, the next request was paged normally%n",
				deadLettered);
	}

	/**
	 * The breaker still remembers the failures: it may open once more before it closes
	 * for good. Closed means a full sliding window of successful calls in a row.
	 */
	private void awaitContentBreakerClosed() {
		int[] inARow = { 0 };
		RunningSuite.await("the content circuit breaker to close", Duration.ofSeconds(120), () -> {
			inARow[0] = (this.gateway.get("/api/content/articles?locale=en", null).status() == 200) ? inARow[0] + 1 : 0;
			return (inARow[0] >= 25) ? Boolean.TRUE : null;
		});
	}

	/**
	 * Sends a signal to one of the suite's processes: {@code STOP} freezes it as a hung
	 * process would be (its port still accepts connections, nothing answers),
	 * {@code CONT} lets it go on.
	 */
	private static void signal(String process, String signal) {
		long pid = RunningSuite.stack().pids().get(process);
		try {
			int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
			assertThat(exit).as("kill -" + signal + " " + process).isZero();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot signal " + process, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitExactlyOnePagePerRequest(List<Accepted> accepted) {
		RunningSuite.await("one paged alert for each of " + accepted.size() + " requests", SETTLE, () -> {
			for (Accepted request : accepted) {
				if (notifiedEntries(request.reference()) < 1) {
					return null;
				}
			}
			return Boolean.TRUE;
		});
		// Let redeliveries and expired leases play out, then check nobody was paged
		// twice.
		RunningSuite.sleep(Duration.ofSeconds(3));
		for (Accepted request : accepted) {
			SuiteClient.Reply alerts = this.gateway.get("/api/alerts?reference=" + request.reference(), this.onCall);
			assertThat(alerts.items()).as("alerts for " + request.reference()).hasSize(1);
			assertThat(notifiedEntries(request.reference())).as("NOTIFIED entries for " + request.reference())
				.isEqualTo(1);
		}
	}

	private int notifiedEntries(String reference) {
		SuiteClient.Reply alerts = this.gateway.get("/api/alerts?reference=" + reference, this.onCall);
		if (alerts.status() != 200 || alerts.items().isEmpty()) {
			return 0;
		}
		SuiteClient.Reply alert = this.gateway.get("/api/alerts/" + alerts.items().get(0).get("id").asString(),
				this.onCall);
		if (alert.status() != 200) {
			return 0;
		}
		int count = 0;
		for (JsonNode entry : alert.json().get("timeline")) {
			if ("NOTIFIED".equals(entry.get("type").asString())) {
				count++;
			}
		}
		return count;
	}

	private SuiteClient.Reply submit() {
		// A different person each time: consecutive numbers from a random start, so that
		// no request of this run (nor of an earlier run on the same data) is linked to
		// another one as a duplicate, which would attach it to that request's alert.
		long person = PEOPLE.getAndIncrement() % 8_000_000;
		String phone = "+1 212 " + (200 + person / 10_000) + " " + String.format("%04d", person % 10_000);
		String json = """
				{"name": "Drill Person", "phone": "%s", "preferredContact": "PHONE", "forWhom": "SELF",
				 "substances": ["heroin"], "message": "I would like to talk about treatment options",
				 "consent": {"contact": true, "text": false, "voicemail": false}}
				""".formatted(phone);
		return this.gateway.postJson("/api/intake/contact-requests", json, null);
	}

	private static SuiteClient.Reply expect202(SuiteClient.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		return reply;
	}

	private record Cutoff(String answer, Duration after) {

		String status() {
			return (this.answer.length() >= 12) ? this.answer.substring(9, 12) : "a close";
		}

	}

	private record Accepted(String id, String reference) {

		static Accepted of(SuiteClient.Reply reply) {
			JsonNode body = reply.json();
			return new Accepted(body.get("id").asString(), body.get("reference").asString());
		}

	}

}
