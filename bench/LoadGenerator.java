import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of the capacity benchmarks (bench/capacity.sh, bench/first-minute.sh,
 * bench/data-growth.sh): one JVM that sends requests on a schedule, instead of one curl per
 * request. JDK only; run it as a source file:
 *
 * <pre>
 * java bench/LoadGenerator.java submit --gateway URL --rate R (--seconds S | --count N) --phone-prefix '+1 646 555' --out FILE [--message TEXT] [--wait-for-log FILE --wait-for-text TEXT]
 * java bench/LoadGenerator.java check  --gateway URL --token T --in FILE [--out CSV] [--concurrency 8] [--wait S] [--last N] [--slice-seconds S] [--acknowledge yes|no]
 * java bench/LoadGenerator.java contact --gateway URL --token T --in FILE [--concurrency 8] [--moves CONTACT_ATTEMPTED,CONTACTED]
 * java bench/LoadGenerator.java reads  --gateway URL --path /api/content/articles/SLUG?locale=en (--rate R --seconds S | --sequential N) [--token T] [--out FILE]
 * </pre>
 *
 * Every mode prints a summary for people and a last line "RESULT key=value ..." for scripts.
 * Load is an open model: request i leaves at start + i/R seconds whatever happened to the
 * earlier ones, so a slow suite meets the same arrivals as a fast one. Bad arguments exit 2.
 */
public class LoadGenerator {

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	static final long SLOW_MS = 1000;

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(REQUEST_TIMEOUT)
		.build();

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			throw usage("no mode given");
		}
		try {
			Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
			switch (args[0]) {
				case "submit" -> submit(options);
				case "contact" -> contact(options);
				case "check" -> check(options);
				case "reads" -> reads(options);
				default -> throw new BadArguments("unknown mode '" + args[0] + "'");
			}
		}
		catch (BadArguments ex) {
			throw usage(ex.getMessage());
		}
		System.exit(0);
	}

	// ---------------------------------------------------------------- submit

	/**
	 * One answer to a request: "status reference sent_at_ms answered_at_ms id" ("-" when none;
	 * the id is the request's, which the pipeline's moves name).
	 */
	record Answer(String status, String reference, long sentAtMs, long answeredAtMs, String id) {

		Answer(String status, String reference, long sentAtMs, long answeredAtMs) {
			this(status, reference, sentAtMs, answeredAtMs, null);
		}

		static Answer parse(String line) {
			String[] f = line.trim().split(" +");
			if (f.length < 4 || f[1].equals("-")) {
				return null;
			}
			return new Answer(f[0], f[1], Long.parseLong(f[2]), f[3].equals("-") ? -1 : Long.parseLong(f[3]),
					f.length > 4 && !f[4].equals("-") ? f[4] : null);
		}

		long latencyMs() {
			return this.answeredAtMs < 0 ? -1 : this.answeredAtMs - this.sentAtMs;
		}

		String line() {
			return this.status + " " + orDash(this.reference) + " " + this.sentAtMs + " "
					+ (this.answeredAtMs < 0 ? "-" : Long.toString(this.answeredAtMs)) + " " + orDash(this.id);
		}

	}

	static void submit(Options options) throws Exception {
		URI target = URI.create(options.required("gateway") + "/api/intake/contact-requests");
		double rate = options.positiveNumber("rate");
		int count = options.has("count") ? (int) options.positiveNumber("count")
				: (int) Math.round(rate * options.positiveNumber("seconds"));
		Phones phones = new Phones(options.required("phone-prefix"));
		Path out = Path.of(options.required("out"));
		String message = options.optional("message", null);
		String waitForLog = options.optional("wait-for-log", null);
		String waitForText = waitForLog == null ? null : options.required("wait-for-text");
		options.rejectOthers();
		phones.checkRoomFor(count);
		if (waitForLog != null) {
			waitFor(Path.of(waitForLog), waitForText);
		}

		Schedule schedule = new Schedule(rate, count);
		List<CompletableFuture<Answer>> answers = schedule.run(i -> {
			String body = "{\"name\":\"Bench " + i + "\",\"phone\":\"" + phones.number(i)
					+ "\",\"preferredContact\":\"PHONE\",\"forWhom\":\"SELF\","
					+ (message == null ? "" : "\"message\":" + jsonString(message) + ",")
					+ "\"consent\":{\"contact\":true}}";
			return send(HttpRequest.newBuilder(target)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		});
		List<Answer> done = answers.stream().map(CompletableFuture::join).toList();
		Files.write(out, done.stream().map(Answer::line).toList());

		Tally tally = Tally.of(done);
		long[] accepted = done.stream().filter(a -> a.status().equals("202")).mapToLong(Answer::latencyMs).toArray();
		System.out.printf("sent %d contact requests in %.1f s (%.1f/s; sent more than 10 ms late: %d)%n", count,
				schedule.tookSeconds(), count / schedule.tookSeconds(), schedule.late());
		System.out.printf("answers: 202 %d, 503 %d, other %d, timed out %d, error %d; slower than 1 s: %d%n",
				tally.count("202"), tally.count("503"), tally.other(Set.of("202", "503")), tally.count("timeout"),
				tally.count("error"), tally.slow());
		if (!tally.otherStatuses(Set.of("202", "503")).isEmpty()) {
			System.out.println("other answers: " + tally.otherStatuses(Set.of("202", "503")));
		}
		Percentiles p = new Percentiles(accepted);
		System.out.printf("202 latency: p50 %d ms, p99 %d ms, max %d ms%n", p.at(50), p.at(99), p.max());
		System.out.printf("RESULT sent=%d accepted=%d s503=%d other=%d timeout=%d error=%d slow=%d "
				+ "slow_or_timeout=%d p50_ms=%d p99_ms=%d max_ms=%d late=%d%n", count, tally.count("202"),
				tally.count("503"), tally.other(Set.of("202", "503")), tally.count("timeout"), tally.count("error"),
				tally.slow(), tally.slow() + tally.count("timeout"), p.at(50), p.at(99), p.max(), schedule.late());
	}

	/**
	 * Waits (compiled, its client ready) until the log has a line starting with the text, such as
	 * ./run's "The suite is up", so that the first request leaves within milliseconds of it.
	 */
	static void waitFor(Path log, String text) throws IOException, InterruptedException {
		while (!Files.exists(log) || new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).lines()
			.noneMatch(line -> line.startsWith(text))) {
			Thread.sleep(10);
		}
		System.out.println("'" + text + "' is in " + log + ": starting");
	}

	/** Sends one request (5 s time limit) and never fails: the outcome is in the answer. */
	static CompletableFuture<Answer> send(HttpRequest.Builder request) {
		long sentAt = System.currentTimeMillis();
		return HTTP.sendAsync(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
			.handle((response, failure) -> {
				long answeredAt = System.currentTimeMillis();
				if (failure != null) {
					Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
					return new Answer(cause instanceof HttpTimeoutException ? "timeout" : "error", null, sentAt, -1);
				}
				return new Answer(Integer.toString(response.statusCode()), fieldIn(response.body(), "reference"),
						sentAt, answeredAt, fieldIn(response.body(), "id"));
			});
	}

	static String fieldIn(String body, String field) {
		if (body == null || !body.contains("\"" + field + "\"")) {
			return null;
		}
		try {
			return Json.parse(body) instanceof Map<?, ?> map && map.get(field) instanceof String value ? value : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Distinct NANP-looking numbers: the prefix's digits, then the index zero-padded to the 11
	 * digits of "+1 NXX NXX XXXX". "+1 646 555" leaves 4 digits, 10,000 numbers.
	 */
	record Phones(String prefix, int suffixDigits) {

		Phones(String prefix) {
			this(prefix, 11 - (int) prefix.chars().filter(Character::isDigit).count());
			if (!prefix.startsWith("+1") || this.suffixDigits < 1 || this.suffixDigits > 7) {
				throw new BadArguments("--phone-prefix must be '+1' and 4 to 10 digits, such as '+1 646 555'");
			}
		}

		void checkRoomFor(int count) {
			if (count > Math.pow(10, this.suffixDigits)) {
				throw new BadArguments("--phone-prefix '" + this.prefix + "' has room for "
						+ (long) Math.pow(10, this.suffixDigits) + " numbers, not " + count);
			}
		}

		String number(int index) {
			return this.prefix + " " + String.format("%0" + this.suffixDigits + "d", index);
		}

	}

	// ---------------------------------------------------------------- check

	/** What was found for one accepted request. */
	record Paged(Answer answer, int alerts, long notifiedAtMs, boolean unreadable, List<String> alertIds) {

		static final Paged NOT_YET_CHECKED = new Paged(null, 0, -1, true, List.of());

		boolean paged() {
			return this.notifiedAtMs >= 0;
		}

		long timeToPageMs() {
			return paged() ? this.notifiedAtMs - this.answer.answeredAtMs() : -1;
		}

		String outcome() {
			return this.unreadable ? "unreadable" : !paged() ? "lost" : this.alerts > 1 ? "duplicated" : "ok";
		}

	}

	static void check(Options options) throws Exception {
		String gateway = options.required("gateway");
		String token = options.required("token");
		Path in = Path.of(options.required("in"));
		String csv = options.optional("out", null);
		int concurrency = (int) options.positiveNumber("concurrency", 8);
		double waitSeconds = options.number("wait", 0);
		int last = (int) options.number("last", 0);
		double sliceSeconds = options.number("slice-seconds", 0);
		boolean acknowledge = options.yesNo("acknowledge");
		options.rejectOthers();

		List<Answer> accepted = new ArrayList<>();
		for (String line : Files.readAllLines(in)) {
			Answer answer = Answer.parse(line);
			if (answer != null && answer.status().equals("202")) {
				accepted.add(answer);
			}
		}
		if (last > 0 && accepted.size() > last) {
			accepted = accepted.subList(accepted.size() - last, accepted.size());
		}
		Paged[] found = new Paged[accepted.size()];
		Arrays.fill(found, Paged.NOT_YET_CHECKED);
		long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
		Alerts alerts = new Alerts(gateway, token, concurrency);
		for (int pass = 0;; pass++) {
			List<CompletableFuture<Void>> lookups = new ArrayList<>();
			for (int i = 0; i < found.length; i++) {
				if (!found[i].paged()) {
					int index = i;
					Answer answer = accepted.get(i);
					lookups.add(alerts.lookUp(answer).thenAccept(paged -> found[index] = paged));
				}
			}
			lookups.forEach(CompletableFuture::join);
			long waiting = Arrays.stream(found).filter(p -> !p.paged()).count();
			if (waiting == 0 || System.nanoTime() > deadline) {
				break;
			}
			System.out.printf("pass %d: %d of %d not paged yet, looking again...%n", pass + 1, waiting, found.length);
			Thread.sleep(2000);
		}

		if (csv != null) {
			try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(csv)))) {
				w.println("reference,sent_at_ms,answered_at_ms,notified_at_ms,time_to_page_ms,alerts,outcome");
				for (Paged p : found) {
					w.printf("%s,%d,%d,%s,%s,%d,%s%n", p.answer().reference(), p.answer().sentAtMs(),
							p.answer().answeredAtMs(), p.paged() ? p.notifiedAtMs() : "",
							p.paged() ? p.timeToPageMs() : "", p.alerts(), p.outcome());
				}
			}
		}
		if (acknowledge) {
			// A paged alert nobody acknowledges escalates to the supervisor 10 minutes later
			// (ROUTINE), which would add work to whatever is measured then.
			List<CompletableFuture<Boolean>> acks = new ArrayList<>();
			for (Paged p : found) {
				p.alertIds().forEach(id -> acks.add(alerts.acknowledge(id)));
			}
			long done = acks.stream().filter(CompletableFuture::join).count();
			System.out.printf("acknowledged %d of %d alerts%n", done, acks.size());
		}
		Map<String, Long> outcomes = new HashMap<>();
		for (Paged p : found) {
			outcomes.merge(p.outcome(), 1L, Long::sum);
		}
		Percentiles ttp = new Percentiles(Arrays.stream(found).filter(Paged::paged).mapToLong(Paged::timeToPageMs).toArray());
		System.out.printf("accepted %d: paged exactly once %d, lost (no alert or no NOTIFIED) %d, "
				+ "paged twice (more than one alert) %d, could not be read %d%n", found.length,
				outcomes.getOrDefault("ok", 0L), outcomes.getOrDefault("lost", 0L),
				outcomes.getOrDefault("duplicated", 0L), outcomes.getOrDefault("unreadable", 0L));
		System.out.printf("time to page (202 -> first NOTIFIED): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
				ttp.at(50), ttp.at(90), ttp.at(99), ttp.max());
		if (sliceSeconds > 0 && found.length > 0) {
			printSlices(found, sliceSeconds);
		}
		System.out.printf("RESULT accepted=%d ok=%d lost=%d duplicated=%d unreadable=%d p50_ms=%d p90_ms=%d "
				+ "p99_ms=%d max_ms=%d%n", found.length, outcomes.getOrDefault("ok", 0L),
				outcomes.getOrDefault("lost", 0L), outcomes.getOrDefault("duplicated", 0L),
				outcomes.getOrDefault("unreadable", 0L), ttp.at(50), ttp.at(90), ttp.at(99), ttp.max());
	}

	/** Time to page per slice of the run, by when each request was sent. */
	static void printSlices(Paged[] found, double sliceSeconds) {
		long first = Arrays.stream(found).mapToLong(p -> p.answer().sentAtMs()).min().orElseThrow();
		Map<Integer, List<Paged>> slices = new java.util.TreeMap<>();
		for (Paged p : found) {
			slices.computeIfAbsent((int) ((p.answer().sentAtMs() - first) / (sliceSeconds * 1000)), k -> new ArrayList<>())
				.add(p);
		}
		System.out.printf("%-10s %8s %6s %6s %8s %8s %8s%n", "slice", "accepted", "lost", "twice", "p50_ms", "p99_ms",
				"max_ms");
		slices.forEach((slice, list) -> {
			Percentiles p = new Percentiles(list.stream().filter(Paged::paged).mapToLong(Paged::timeToPageMs).toArray());
			String name = String.format("%.0f-%.0f s", slice * sliceSeconds, (slice + 1) * sliceSeconds);
			System.out.printf("%-10s %8d %6d %6d %8d %8d %8d%n", name, list.size(),
					list.stream().filter(x -> !x.paged()).count(), list.stream().filter(x -> x.alerts() > 1).count(),
					p.at(50), p.at(99), p.max());
			System.out.printf("SLICE from_s=%.0f accepted=%d lost=%d duplicated=%d p50_ms=%d p99_ms=%d max_ms=%d%n",
					slice * sliceSeconds, list.size(), list.stream().filter(x -> !x.paged()).count(),
					list.stream().filter(x -> x.alerts() > 1).count(), p.at(50), p.at(99), p.max());
		});
	}

	/** Looks up a request's alerts and their first NOTIFIED entry, at most N requests at once. */
	static final class Alerts {

		private final String gateway;

		private final String token;

		private final Semaphore inFlight;

		Alerts(String gateway, String token, int concurrency) {
			this.gateway = gateway;
			this.token = token;
			this.inFlight = new Semaphore(concurrency);
		}

		CompletableFuture<Paged> lookUp(Answer answer) {
			this.inFlight.acquireUninterruptibly();
			String query = "/api/alerts?reference=" + URLEncoder.encode(answer.reference(), StandardCharsets.UTF_8);
			return getJson(query, 3).thenCompose(list -> {
				List<Object> alerts = list instanceof List<?> l ? new ArrayList<>(l) : List.of();
				List<String> ids = alerts.stream().map(a -> (String) ((Map<?, ?>) a).get("id")).toList();
				CompletableFuture<Long> first = CompletableFuture.completedFuture(-1L);
				for (String id : ids) {
					first = first.thenCombine(getJson("/api/alerts/" + id, 3).thenApply(Alerts::firstNotified),
							(a, b) -> a < 0 ? b : b < 0 ? a : Math.min(a, b));
				}
				return first.thenApply(notified -> new Paged(answer, alerts.size(), notified, false, ids));
			})
				.exceptionally(failure -> new Paged(answer, 0, -1, true, List.of()))
				.whenComplete((p, f) -> this.inFlight.release());
		}

		/** POST /api/alerts/{id}/acknowledge; true when the alert is acknowledged (or resolved). */
		CompletableFuture<Boolean> acknowledge(String id) {
			this.inFlight.acquireUninterruptibly();
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/alerts/" + id + "/acknowledge"))
				.header("Authorization", "Bearer " + this.token)
				.timeout(Duration.ofSeconds(15))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build();
			return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.handle((response, failure) -> failure == null
						&& (response.statusCode() == 200 || response.statusCode() == 409))
				.whenComplete((ok, f) -> this.inFlight.release());
		}

		static long firstNotified(Object alert) {
			long first = -1;
			if (alert instanceof Map<?, ?> map && map.get("timeline") instanceof List<?> timeline) {
				for (Object entry : timeline) {
					if (entry instanceof Map<?, ?> e && "NOTIFIED".equals(e.get("type")) && e.get("at") instanceof String at) {
						long ms = Instant.parse(at).toEpochMilli();
						first = first < 0 ? ms : Math.min(first, ms);
					}
				}
			}
			return first;
		}

		/** GET with the token; a failure or an answer other than 200 is tried again, then fails. */
		private CompletableFuture<Object> getJson(String path, int attempts) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + path))
				.header("Authorization", "Bearer " + this.token)
				.timeout(Duration.ofSeconds(15))
				.build();
			return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
				if (failure == null && response.statusCode() == 200) {
					return CompletableFuture.completedFuture(Json.parse(response.body()));
				}
				if (attempts <= 1) {
					throw new IllegalStateException("GET " + path + " failed: "
							+ (failure != null ? failure : "status " + response.statusCode()));
				}
				return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS))
					.thenCompose(x -> getJson(path, attempts - 1));
			}).thenCompose(f -> f);
		}

	}

	// ---------------------------------------------------------------- contact

	/**
	 * An agent reaches every accepted request of a submission: for each, {@code POST
	 * /api/intake/contact-requests/{id}/status} with each of --moves in turn, a note with
	 * each (by default CONTACT_ATTEMPTED, then CONTACTED, as the call center would after its
	 * first call: the pipeline moves one step at a time; CLOSED, with its reason, is one move
	 * from any open status). CONTACTED or later resolves the request's alert. At most
	 * --concurrency requests at once.
	 */
	static void contact(Options options) throws Exception {
		String gateway = options.required("gateway");
		String token = options.required("token");
		Path in = Path.of(options.required("in"));
		Semaphore inFlight = new Semaphore((int) options.positiveNumber("concurrency", 8));
		List<String> steps = List.of(options.optional("moves", "CONTACT_ATTEMPTED,CONTACTED").split(","));
		options.rejectOthers();
		List<String> ids = new ArrayList<>();
		int withoutId = 0;
		for (String line : Files.readAllLines(in)) {
			Answer answer = Answer.parse(line);
			if (answer != null && answer.status().equals("202")) {
				if (answer.id() != null) {
					ids.add(answer.id());
				}
				else {
					withoutId++;
				}
			}
		}
		if (withoutId > 0) {
			System.out.printf("warning: %d accepted requests in %s have no request id (a file from an older run?)%n",
					withoutId, in);
		}
		long start = System.nanoTime();
		List<CompletableFuture<String>> moves = new ArrayList<>();
		for (String id : ids) {
			inFlight.acquireUninterruptibly();
			CompletableFuture<String> done = CompletableFuture.completedFuture("200");
			for (String step : steps) {
				done = done.thenCompose(previous -> previous.equals("200") ? move(gateway, token, id, step, NOTES.getOrDefault(step, "bench"))
						: CompletableFuture.completedFuture(previous));
			}
			moves.add(done.whenComplete((status, failure) -> inFlight.release()));
		}
		Map<String, Long> outcomes = new java.util.TreeMap<>();
		moves.forEach(m -> outcomes.merge(m.join(), 1L, Long::sum));
		double took = (System.nanoTime() - start) / 1e9;
		System.out.printf("contacted %d of %d accepted requests in %.1f s (answers: %s)%n",
				outcomes.getOrDefault("200", 0L), ids.size(), took, outcomes);
		System.out.printf("RESULT requests=%d contacted=%d failed=%d%n", ids.size(), outcomes.getOrDefault("200", 0L),
				ids.size() - outcomes.getOrDefault("200", 0L));
	}

	static final Map<String, String> NOTES = Map.of("CONTACT_ATTEMPTED", "first call, voicemail", "CONTACTED",
			"reached, talked it through", "CLOSED", "reached by phone, no further help wanted for now");

	static CompletableFuture<String> move(String gateway, String token, String id, String status, String note) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(gateway + "/api/intake/contact-requests/" + id + "/status"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(15))
			.POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\",\"note\":" + jsonString(note) + "}"))
			.build();
		return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.handle((response, failure) -> failure != null ? "error" : Integer.toString(response.statusCode()));
	}

	// ---------------------------------------------------------------- reads

	static void reads(Options options) throws Exception {
		URI target = URI.create(options.required("gateway") + options.required("path"));
		String token = options.optional("token", null);
		String out = options.optional("out", null);
		int sequential = (int) options.number("sequential", 0);
		double rate = sequential > 0 ? 0 : options.positiveNumber("rate");
		double seconds = sequential > 0 ? 0 : options.positiveNumber("seconds");
		options.rejectOthers();
		HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		List<Answer> done = new ArrayList<>();
		double took;
		int late = 0;
		if (sequential > 0) {
			long start = System.nanoTime();
			for (int i = 0; i < sequential; i++) {
				done.add(send(request.copy()).join());
			}
			took = (System.nanoTime() - start) / 1e9;
		}
		else {
			Schedule schedule = new Schedule(rate, (int) Math.round(rate * seconds));
			done = schedule.run(i -> send(request.copy())).stream().map(CompletableFuture::join).toList();
			took = schedule.tookSeconds();
			late = schedule.late();
		}
		if (out != null) {
			Files.write(Path.of(out), done.stream().map(Answer::line).toList());
		}
		Tally tally = Tally.of(done);
		Percentiles p = new Percentiles(done.stream().filter(a -> a.status().equals("200")).mapToLong(Answer::latencyMs).toArray());
		System.out.printf("%d reads of %s in %.1f s (%s)%n", done.size(), target.getPath(), took,
				sequential > 0 ? "one after another" : rate + "/s; sent more than 10 ms late: " + late);
		System.out.printf("answers: 200 %d, other %d %s, timed out %d, error %d; slower than 1 s: %d%n",
				tally.count("200"), tally.other(Set.of("200")), tally.otherStatuses(Set.of("200")), tally.count("timeout"),
				tally.count("error"), tally.slow());
		System.out.printf("200 latency: p50 %d ms, p99 %d ms, max %d ms%n", p.at(50), p.at(99), p.max());
		System.out.printf("RESULT count=%d ok=%d other=%d timeout=%d error=%d slow=%d p50_ms=%d p99_ms=%d max_ms=%d "
				+ "late=%d%n", done.size(), tally.count("200"), tally.other(Set.of("200")), tally.count("timeout"),
				tally.count("error"), tally.slow(), p.at(50), p.at(99), p.max(), late);
	}

	// ---------------------------------------------------------------- shared

	/** An open-model schedule: request i leaves at start + i / rate, whatever the answers. */
	static final class Schedule {

		private final double rate;

		private final int count;

		private long startNanos;

		private long endNanos;

		private int late;

		Schedule(double rate, int count) {
			this.rate = rate;
			this.count = count;
		}

		<T> List<CompletableFuture<T>> run(java.util.function.IntFunction<CompletableFuture<T>> request) {
			List<CompletableFuture<T>> sent = new ArrayList<>(this.count);
			this.startNanos = System.nanoTime();
			for (int i = 0; i < this.count; i++) {
				long due = this.startNanos + (long) (i * 1e9 / this.rate);
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				if (-wait > 10_000_000) {
					this.late++;
				}
				sent.add(request.apply(i));
			}
			this.endNanos = System.nanoTime();
			return sent;
		}

		double tookSeconds() {
			return Math.max(1e-9, (this.endNanos - this.startNanos) / 1e9 + 1 / this.rate);
		}

		int late() {
			return this.late;
		}

	}

	record Tally(Map<String, Long> statuses, long slow) {

		static Tally of(List<Answer> answers) {
			Map<String, Long> statuses = new LinkedHashMap<>();
			answers.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
			return new Tally(statuses, answers.stream().filter(a -> a.latencyMs() > SLOW_MS).count());
		}

		long count(String status) {
			return this.statuses.getOrDefault(status, 0L);
		}

		/** Answers with a status code that is not one of these (time-outs and errors apart). */
		long other(Set<String> known) {
			return otherStatuses(known).values().stream().mapToLong(Long::longValue).sum();
		}

		Map<String, Long> otherStatuses(Set<String> known) {
			Map<String, Long> other = new LinkedHashMap<>(this.statuses);
			other.keySet().removeIf(s -> known.contains(s) || s.equals("timeout") || s.equals("error"));
			return other;
		}

	}

	/** Nearest-rank percentiles; -1 when there is nothing to rank. */
	record Percentiles(long[] sorted) {

		Percentiles {
			sorted = sorted.clone();
			Arrays.sort(sorted);
		}

		long at(double percent) {
			if (this.sorted.length == 0) {
				return -1;
			}
			int rank = (int) Math.ceil(percent / 100 * this.sorted.length);
			return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, rank - 1))];
		}

		long max() {
			return at(100);
		}

	}

	/** --name value pairs; each mode takes what it knows and refuses the rest. */
	static final class Options {

		private final Map<String, String> values;

		private Options(Map<String, String> values) {
			this.values = values;
		}

		static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i += 2) {
				if (!args[i].startsWith("--") || i + 1 >= args.length) {
					throw new BadArguments("expected --name value, got '" + args[i] + "'");
				}
				values.put(args[i].substring(2), args[i + 1]);
			}
			return new Options(values);
		}

		boolean has(String name) {
			return this.values.containsKey(name);
		}

		String required(String name) {
			String value = this.values.remove(name);
			if (value == null || value.isBlank()) {
				throw new BadArguments("--" + name + " is required");
			}
			return value;
		}

		String optional(String name, String fallback) {
			String value = this.values.remove(name);
			return value == null ? fallback : value;
		}

		double number(String name, double fallback) {
			String value = this.values.remove(name);
			if (value == null) {
				return fallback;
			}
			try {
				double number = Double.parseDouble(value);
				if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
					throw new NumberFormatException();
				}
				return number;
			}
			catch (NumberFormatException ex) {
				throw new BadArguments("--" + name + " must be a number of at least 0, not '" + value + "'");
			}
		}

		boolean yesNo(String name) {
			String value = optional(name, "no");
			if (!value.equals("yes") && !value.equals("no")) {
				throw new BadArguments("--" + name + " must be yes or no, not '" + value + "'");
			}
			return value.equals("yes");
		}

		double positiveNumber(String name) {
			if (!this.values.containsKey(name)) {
				throw new BadArguments("--" + name + " is required");
			}
			return positiveNumber(name, 0);
		}

		double positiveNumber(String name, double fallback) {
			double number = number(name, fallback);
			if (number <= 0) {
				throw new BadArguments("--" + name + " must be more than 0");
			}
			return number;
		}

		void rejectOthers() {
			if (!this.values.isEmpty()) {
				throw new BadArguments("unknown option(s) " + this.values.keySet());
			}
		}

	}

	static final class BadArguments extends RuntimeException {

		BadArguments(String message) {
			super(message);
		}

	}

	static RuntimeException usage(String problem) {
		System.err.println("LoadGenerator: " + problem);
		System.err.println("""
				usage:
				  java bench/LoadGenerator.java submit --gateway URL --rate R (--seconds S | --count N) --phone-prefix '+1 646 555' --out FILE [--message TEXT] [--wait-for-log FILE --wait-for-text TEXT]
				  java bench/LoadGenerator.java check  --gateway URL --token T --in FILE [--out CSV] [--concurrency 8] [--wait SECONDS] [--last N] [--slice-seconds S] [--acknowledge yes|no]
				  java bench/LoadGenerator.java contact --gateway URL --token T --in FILE [--concurrency 8] [--moves CONTACT_ATTEMPTED,CONTACTED]
				  java bench/LoadGenerator.java reads  --gateway URL --path PATH (--rate R --seconds S | --sequential N) [--token T] [--out FILE]""");
		System.exit(2);
		return new IllegalStateException();
	}

	static String orDash(String value) {
		return value == null ? "-" : value;
	}

	static String jsonString(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	/** Just enough JSON to read the suite's answers: objects, arrays, strings, numbers, literals. */
	static final class Json {

		private final String text;

		private int at;

		private Json(String text) {
			this.text = text;
		}

		static Object parse(String text) {
			Json json = new Json(text);
			Object value = json.value();
			json.space();
			if (json.at != text.length()) {
				throw json.error("trailing characters");
			}
			return value;
		}

		private Object value() {
			space();
			if (this.at >= this.text.length()) {
				throw error("unexpected end");
			}
			char c = this.text.charAt(this.at);
			return switch (c) {
				case '{' -> object();
				case '[' -> array();
				case '"' -> string();
				case 't' -> literal("true", Boolean.TRUE);
				case 'f' -> literal("false", Boolean.FALSE);
				case 'n' -> literal("null", null);
				default -> number();
			};
		}

		private Map<String, Object> object() {
			Map<String, Object> map = new LinkedHashMap<>();
			this.at++;
			space();
			if (peek() == '}') {
				this.at++;
				return map;
			}
			do {
				space();
				String key = string();
				space();
				expect(':');
				map.put(key, value());
				space();
			}
			while (next() == ',');
			this.at--;
			expect('}');
			return map;
		}

		private List<Object> array() {
			List<Object> list = new ArrayList<>();
			this.at++;
			space();
			if (peek() == ']') {
				this.at++;
				return list;
			}
			do {
				list.add(value());
				space();
			}
			while (next() == ',');
			this.at--;
			expect(']');
			return list;
		}

		private String string() {
			expect('"');
			StringBuilder s = new StringBuilder();
			for (char c; (c = next()) != '"';) {
				if (c == '\\') {
					char e = next();
					switch (e) {
						case 'b' -> s.append('\b');
						case 'f' -> s.append('\f');
						case 'n' -> s.append('\n');
						case 'r' -> s.append('\r');
						case 't' -> s.append('\t');
						case 'u' -> {
							s.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
							this.at += 4;
						}
						default -> s.append(e);
					}
				}
				else {
					s.append(c);
				}
			}
			return s.toString();
		}

		private Object number() {
			int start = this.at;
			while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
				this.at++;
			}
			if (start == this.at) {
				throw error("unexpected character");
			}
			return Double.parseDouble(this.text.substring(start, this.at));
		}

		private Object literal(String word, Object value) {
			if (!this.text.startsWith(word, this.at)) {
				throw error("unexpected character");
			}
			this.at += word.length();
			return value;
		}

		private void space() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		private char peek() {
			return this.at < this.text.length() ? this.text.charAt(this.at) : 0;
		}

		private char next() {
			if (this.at >= this.text.length()) {
				throw error("unexpected end");
			}
			return this.text.charAt(this.at++);
		}

		private void expect(char c) {
			if (next() != c) {
				throw error("expected '" + c + "'");
			}
		}

		private IllegalArgumentException error(String problem) {
			return new IllegalArgumentException("JSON: " + problem + " at " + this.at);
		}

	}

}
