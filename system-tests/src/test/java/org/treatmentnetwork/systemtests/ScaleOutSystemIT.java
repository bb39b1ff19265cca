package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.localstack.Stack;
import org.treatmentnetwork.localstack.StackConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale-out drill: two instances of every service and of the gateway, as
 * {@code ./run --replicas 2} starts them, under a steady load through the gateway
 * (contact requests, article reads, staff reads). In the middle, one instance each of
 * intake, notification and content is killed ({@code kill -9}) and started again. It
 * fails when an accepted request does not end with exactly one alert with exactly one
 * page, when the public gets a {@code 5xx} other than a fallback with the crisis lines,
 * or when a request gets no answer at all; it reports the fallbacks and time-to-page
 * before, during and after the kill.
 * <p>
 * It runs on a stack of its own (ports shifted by {@code stack.portOffset}, its own data
 * folder), in a Failsafe execution of its own, before or after the shared suite but never
 * beside it. In {@code ./mvnw verify} the load lasts {@code drill.scaleOut.seconds} (60);
 * {@code drills/scale-out} runs it for 3 minutes.
 */
class ScaleOutSystemIT {

	private static final int REPLICAS = 2;

	/** The instances killed in the middle of the load. */
	private static final List<String> KILLED = List.of("intake-service-2", "notification-service-2",
			"content-service-2");

	private static final Duration SETTLE = Duration.ofSeconds(120);

	/** The demo center whose team's escalation the drill shortens. */
	private static final String RIDGE = "demo-center-ridge";

	private static final String RIDGE_TEAM = "center-demo-ridge";

	private static final String RIDGE_SUPERVISOR = "quinn-example";

	/** How many requests for the Ridge center escalate during the drill. */
	private static final int ESCALATING = 4;

	private static final AtomicLong PEOPLE = new AtomicLong(System.currentTimeMillis() % 1_000_000);

	private static Stack stack;

	private static TraceCollector traces;

	private static StackConfig config;

	private final Duration loadFor = Duration.ofSeconds(Long.getLong("drill.scaleOut.seconds", 60));

	private final double contactRate = Double.parseDouble(System.getProperty("drill.scaleOut.rate", "10"));

	@BeforeAll
	static void startTwoOfEverything() {
		Path root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
		Path dataDir = Path.of(System.getProperty("stack.dataDir", "target/scale-out-data")).toAbsolutePath();
		deleteRecursively(dataDir);
		int offset = Integer.parseInt(System.getProperty("stack.portOffset", "2000"));
		StackConfig defaults = StackConfig.fromEnvironment(root, Map.of());
		boolean startupCache = Boolean.parseBoolean(System.getProperty("stack.startupCache", "false"));
		config = new StackConfig(defaults.root(), dataDir, defaults.host(), defaults.ports().shiftedBy(offset),
				startupCache, REPLICAS);
		// The processes export their spans as in the shared suite; nothing here reads
		// them.
		traces = TraceCollector.start(Integer.parseInt(System.getProperty("stack.otlpPort", "7318")));
		Instant begin = Instant.now();
		stack = Stack.start(config, System.out);
		System.out.printf("[drill] scale-out: %d instances of each service ready in %d ms: %s%n", REPLICAS,
				Duration.between(begin, Instant.now()).toMillis(), stack.startTimes());
	}

	@AfterAll
	static void stopIt() {
		if (stack != null) {
			stack.stop();
			stack = null;
		}
		if (traces != null) {
			traces.stop();
			traces = null;
		}
	}

	@Test
	void oneInstanceOfEachKilledUnderLoadLosesNothingAndPagesEveryoneOnce() throws Exception {
		SuiteClient gateway = new SuiteClient(config.gatewayUrl());
		String onCall = stack.tokens().issue("scale-out-nurse", List.of("ON_CALL"));
		Load load = new Load(gateway, onCall);
		// A few requests for the Ridge center, whose team escalates after 1 minute here:
		// step 2 falls due after the kill, with the timers held by two notification
		// instances, one of them killed meanwhile.
		shortenRidgeEscalation(gateway, onCall);
		List<String> escalating = new ArrayList<>();
		for (int i = 0; i < ESCALATING; i++) {
			SuiteClient.Reply reply = gateway.postJson("/api/intake/contact-requests", Load.contactRequest(RIDGE),
					null);
			assertThat(reply.status()).as(reply.body()).isEqualTo(202);
			escalating.add(reply.json().get("reference").asString());
		}
		Instant escalationsSubmitted = Instant.now();
		Instant start = Instant.now();
		Instant killAt = start.plus(this.loadFor.dividedBy(3));
		AtomicReference<Map<String, Duration>> restarts = new AtomicReference<>();

		ScheduledExecutorService clock = Executors.newScheduledThreadPool(3);
		ExecutorService senders = Executors.newFixedThreadPool(32);
		long contactEvery = Math.round(1000 / this.contactRate);
		clock.scheduleAtFixedRate(() -> senders.execute(load::contactRequest), 0, contactEvery, TimeUnit.MILLISECONDS);
		clock.scheduleAtFixedRate(() -> senders.execute(load::articleRead), 50, 500, TimeUnit.MILLISECONDS);
		clock.scheduleAtFixedRate(() -> senders.execute(load::staffRead), 100, 1000, TimeUnit.MILLISECONDS);

		sleepUntil(killAt);
		KILLED.forEach(stack::killProcess);
		load.killed(Instant.now());
		System.out.printf("[drill] scale-out: killed %s (SIGKILL) %d s into the load%n", KILLED,
				Duration.between(start, Instant.now()).toSeconds());
		// Started again side by side, as an orchestrator would, while the load goes on.
		Map<String, CompletableFuture<Duration>> starting = new LinkedHashMap<>();
		KILLED.forEach((name) -> starting.put(name, CompletableFuture.supplyAsync(() -> stack.startProcess(name))));
		Map<String, Duration> ready = new LinkedHashMap<>();
		for (Map.Entry<String, CompletableFuture<Duration>> entry : starting.entrySet()) {
			ready.put(entry.getKey(), entry.getValue().get(5, TimeUnit.MINUTES));
		}
		restarts.set(ready);
		Instant back = Instant.now();
		load.back(back);
		// Step 2 of the Ridge escalation is due 60 s after the submission, step 3 after
		// 120 s:
		// in between, each alert must have paged step 1 and step 2 exactly once.
		sleepUntil(escalationsSubmitted.plusSeconds(90));
		Map<String, List<String>> escalated = new LinkedHashMap<>();
		escalating.forEach((reference) -> escalated.put(reference, pagedStaff(gateway, onCall, reference)));
		System.out.printf("[drill] scale-out: escalation with two notification instances, 90 s after %d requests:"
				+ " paged %s%n", ESCALATING, escalated.values());
		// The load goes on for at least a third of its length after every instance is
		// back.
		Instant end = start.plus(this.loadFor);
		Instant afterLong = back.plus(this.loadFor.dividedBy(3));
		sleepUntil(end.isAfter(afterLong) ? end : afterLong);
		clock.shutdownNow();
		senders.shutdown();
		assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).as("every request answered").isTrue();
		Duration loadLasted = Duration.between(start, Instant.now());

		List<Outcome> accepted = load.outcomes(Kind.CONTACT).stream().filter((o) -> o.status() == 202).toList();
		Map<Outcome, Duration> timeToPage = awaitExactlyOnePageEach(gateway, onCall, accepted);

		Map<Kind, Long> fallbacks = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			fallbacks.put(kind, load.outcomes(kind).stream().filter(Outcome::fallback).count());
		}
		System.out.printf(
				"[drill] scale-out: %d s of load, %d contact requests (%d accepted), %d article reads, %d staff reads;"
						+ " restarted and ready in %s; fallbacks served %s; 0 lost, 0 paged twice%n",
				loadLasted.toSeconds(), load.outcomes(Kind.CONTACT).size(), accepted.size(),
				load.outcomes(Kind.ARTICLE).size(), load.outcomes(Kind.STAFF).size(), millis(restarts.get()),
				fallbacks);
		for (Phase phase : Phase.values()) {
			List<Long> pages = timeToPage.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().phase() == phase)
				.map((entry) -> entry.getValue().toMillis())
				.sorted()
				.toList();
			System.out.printf("[drill] scale-out: time to page %-6s %4d requests  p50 %5d ms  p99 %5d ms  max %5d ms%n",
					phase.label, pages.size(), percentile(pages, 50), percentile(pages, 99), percentile(pages, 100));
		}

		assertThat(escalated).as("staff paged for each Ridge alert: step 1 (the rotation), step 2 (the supervisor)")
			.allSatisfy((reference, staff) -> {
				assertThat(staff).hasSize(2);
				assertThat(staff.get(0)).isIn("skyler-example", "taylor-example");
				assertThat(staff.get(1)).isEqualTo(RIDGE_SUPERVISOR);
			});
		assertThat(load.unanswered()).as("requests that got no answer (time-outs, refused connections)").isEmpty();
		assertThat(load.all().stream().filter((o) -> o.status() >= 500 && !o.fallback()).toList())
			.as("public 5xx answers other than fallbacks with the crisis lines")
			.isEmpty();
		assertThat(load.outcomes(Kind.CONTACT)).as("contact requests answered 202 or a fallback")
			.allMatch((o) -> o.status() == 202 || o.fallback());
		assertThat(accepted).as("accepted contact requests before, during and after the kill")
			.anyMatch((o) -> o.phase() == Phase.BEFORE)
			.anyMatch((o) -> o.phase() == Phase.DURING)
			.anyMatch((o) -> o.phase() == Phase.AFTER);
		assertThat(stack.deadProcesses()).isEmpty();
	}

	/**
	 * Waits until every accepted request's alert has been paged, then, after redeliveries
	 * and expired leases have had time to play out, checks that each has exactly one
	 * alert with exactly one page.
	 */
	private static Map<Outcome, Duration> awaitExactlyOnePageEach(SuiteClient gateway, String onCall,
			List<Outcome> accepted) {
		Map<Outcome, Duration> timeToPage = new LinkedHashMap<>();
		Instant deadline = Instant.now().plus(SETTLE);
		List<Outcome> waiting = new ArrayList<>(accepted);
		while (!waiting.isEmpty()) {
			assertThat(Instant.now())
				.as("%d of %d accepted requests still without a page after %d s", waiting.size(), accepted.size(),
						SETTLE.toSeconds())
				.isBefore(deadline);
			List<Outcome> still = new ArrayList<>();
			for (Outcome request : waiting) {
				List<Instant> pages = pages(gateway, onCall, request.reference());
				if (pages.isEmpty()) {
					still.add(request);
				}
				else {
					timeToPage.put(request, Duration.between(request.answeredAt(), pages.get(0)));
				}
			}
			waiting = still;
			if (!waiting.isEmpty()) {
				RunningSuite.sleep(Duration.ofMillis(500));
			}
		}
		RunningSuite.sleep(Duration.ofSeconds(5));
		for (Outcome request : accepted) {
			SuiteClient.Reply alerts = gateway.get("/api/alerts?reference=" + request.reference(), onCall);
			assertThat(alerts.items()).as("alerts for " + request.reference()).hasSize(1);
			assertThat(pages(gateway, onCall, request.reference())).as("pages for " + request.reference()).hasSize(1);
		}
		return timeToPage;
	}

	/**
	 * Sets every step of the Ridge center team's escalation to 1 minute, through the
	 * schedule API as its supervisor would.
	 */
	private static void shortenRidgeEscalation(SuiteClient gateway, String onCall) {
		String path = "/api/on-call/schedules/" + RIDGE_TEAM;
		SuiteClient.Reply schedule = gateway.get(path, onCall);
		assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
		ObjectNode body = (ObjectNode) schedule.json();
		body.remove("team");
		body.remove("name");
		body.remove("centerId");
		for (JsonNode step : body.get("escalation").get("steps")) {
			((ObjectNode) step).put("escalateAfterMinutes", 1);
		}
		String supervisor = stack.tokens().issue(RIDGE_SUPERVISOR, List.of("SUPERVISOR"));
		SuiteClient.Reply replaced = gateway.putJson(path, body.toString(), supervisor);
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
	}

	/** Whom the request's alert paged (its NOTIFIED entries' recipients), in order. */
	private static List<String> pagedStaff(SuiteClient gateway, String onCall, String reference) {
		SuiteClient.Reply alerts = gateway.get("/api/alerts?reference=" + reference, onCall);
		assertThat(alerts.items()).as("alerts for " + reference).hasSize(1);
		SuiteClient.Reply alert = gateway.get("/api/alerts/" + alerts.items().get(0).get("id").asString(), onCall);
		List<String> staff = new ArrayList<>();
		for (JsonNode entry : alert.json().get("timeline")) {
			if ("NOTIFIED".equals(entry.get("type").asString())) {
				staff.add(entry.get("recipient").asString());
			}
		}
		return staff;
	}

	/** When the request's alert was paged (its NOTIFIED entries), earliest first. */
	private static List<Instant> pages(SuiteClient gateway, String onCall, String reference) {
		SuiteClient.Reply alerts = gateway.get("/api/alerts?reference=" + reference, onCall);
		if (alerts.status() != 200 || alerts.items().isEmpty()) {
			return List.of();
		}
		SuiteClient.Reply alert = gateway.get("/api/alerts/" + alerts.items().get(0).get("id").asString(), onCall);
		if (alert.status() != 200) {
			return List.of();
		}
		List<Instant> pages = new ArrayList<>();
		for (JsonNode entry : alert.json().get("timeline")) {
			if ("NOTIFIED".equals(entry.get("type").asString())) {
				pages.add(Instant.parse(entry.get("at").asString()));
			}
		}
		Collections.sort(pages);
		return pages;
	}

	private static long percentile(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static Map<String, Long> millis(Map<String, Duration> durations) {
		Map<String, Long> millis = new LinkedHashMap<>();
		durations.forEach((name, duration) -> millis.put(name, duration.toMillis()));
		return millis;
	}

	private static void sleepUntil(Instant instant) {
		Duration left = Duration.between(Instant.now(), instant);
		if (!left.isNegative()) {
			RunningSuite.sleep(left);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot clean " + dir, ex);
		}
	}

	enum Kind {

		CONTACT, ARTICLE, STAFF

	}

	enum Phase {

		BEFORE("before"), DURING("during"), AFTER("after");

		final String label;

		Phase(String label) {
			this.label = label;
		}

	}

	/**
	 * One answer through the gateway.
	 *
	 * @param kind what was asked
	 * @param phase before the kill, until every killed instance was ready again, or after
	 * @param answeredAt when the answer arrived
	 * @param status its status
	 * @param fallback whether it was the gateway's fallback (a 503 with the crisis lines)
	 * @param reference the contact request's reference, for a {@code 202}
	 */
	record Outcome(Kind kind, Phase phase, Instant answeredAt, int status, boolean fallback, String reference) {

	}

	/** The load and what it got back. */
	private static final class Load {

		private final SuiteClient gateway;

		private final String onCall;

		private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

		private final List<String> unanswered = Collections.synchronizedList(new ArrayList<>());

		private volatile Instant killedAt = Instant.MAX;

		private volatile Instant backAt = Instant.MAX;

		Load(SuiteClient gateway, String onCall) {
			this.gateway = gateway;
			this.onCall = onCall;
		}

		void killed(Instant at) {
			this.killedAt = at;
		}

		void back(Instant at) {
			this.backAt = at;
		}

		void contactRequest() {
			String json = contactRequest(null);
			record(Kind.CONTACT, () -> this.gateway.postJson("/api/intake/contact-requests", json, null));
		}

		/**
		 * A routine contact request from a different person each time, so that no request
		 * is linked to another as a repeat (which would attach it to that request's
		 * alert).
		 * @param centerId the center it is for, or {@code null} for the network
		 * @return its JSON
		 */
		static String contactRequest(String centerId) {
			long person = PEOPLE.getAndIncrement() % 8_000_000;
			String phone = "+1 646 " + (200 + person / 10_000) + " " + String.format("%04d", person % 10_000);
			String center = (centerId != null) ? ", \"centerId\": \"" + centerId + "\"" : "";
			return """
					{"name": "Scale Out", "phone": "%s", "preferredContact": "PHONE", "forWhom": "SELF",
					 "substances": ["heroin"], "message": "I would like to talk about treatment options",
					 "consent": {"contact": true, "text": false, "voicemail": false}%s}
					""".formatted(phone, center);
		}

		void articleRead() {
			record(Kind.ARTICLE, () -> this.gateway.get("/api/content/articles?locale=en", null));
		}

		void staffRead() {
			record(Kind.STAFF, () -> this.gateway.get("/api/alerts", this.onCall));
		}

		private void record(Kind kind, java.util.function.Supplier<SuiteClient.Reply> call) {
			Instant sent = Instant.now();
			Phase phase = sent.isBefore(this.killedAt) ? Phase.BEFORE
					: sent.isBefore(this.backAt) ? Phase.DURING : Phase.AFTER;
			try {
				SuiteClient.Reply reply = call.get();
				boolean fallback = reply.status() == 503 && reply.contentType().startsWith("application/problem+json")
						&& reply.body().contains("988");
				String reference = (reply.status() == 202) ? reply.json().get("reference").asString() : null;
				this.outcomes.add(new Outcome(kind, phase, Instant.now(), reply.status(), fallback, reference));
			}
			catch (RuntimeException ex) {
				this.unanswered.add(kind + " " + phase + ": " + ex.getMessage());
			}
		}

		List<Outcome> outcomes(Kind kind) {
			synchronized (this.outcomes) {
				return this.outcomes.stream().filter((o) -> o.kind() == kind).toList();
			}
		}

		List<Outcome> all() {
			synchronized (this.outcomes) {
				return List.copyOf(this.outcomes);
			}
		}

		List<String> unanswered() {
			return List.copyOf(this.unanswered);
		}

	}

}
