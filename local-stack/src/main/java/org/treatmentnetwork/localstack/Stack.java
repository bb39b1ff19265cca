package org.treatmentnetwork.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.treatmentnetwork.localstack.kafka.KafkaBroker;
import org.treatmentnetwork.localstack.tokens.DevTokens;

/**
 * The running local stack: the machinery that runs what {@link SuiteTopology} declares (a
 * Kafka broker, a MongoDB wire-protocol server, an SMTP server and a text and voice
 * provider simulator, then the four services, each a separate process). It prepares the
 * data folder, starts the infrastructure and then the services, waits until each is
 * ready, and stops them again. Used by {@code ./run} and by the system tests.
 */
public final class Stack implements AutoCloseable {

	private static final Duration INFRA_START_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final StackConfig config;

	private final PrintStream out;

	private final DevTokens tokens;

	private final StartupCache startupCache;

	private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

	private final List<ManagedProcess> started = Collections.synchronizedList(new ArrayList<>());

	private final Set<String> services = ConcurrentHashMap.newKeySet();

	private volatile boolean stopping;

	private Stack(StackConfig config, PrintStream out) {
		this.config = config;
		this.out = out;
		this.tokens = new DevTokens(config.keyDir());
		this.startupCache = new StartupCache(config.root(), config.logDir());
	}

	/**
	 * Starts the whole stack and waits until every process is ready. On failure
	 * everything started so far is stopped again.
	 * @param config ports and folders
	 * @param out where progress is reported
	 * @return the running stack
	 * @throws StackException naming the process that failed and why
	 */
	public static Stack start(StackConfig config, PrintStream out) {
		Stack stack = new Stack(config, out);
		try {
			SuiteTopology topology = stack.prepare();
			stack.startGroup(topology.infrastructure());
			stack.prepareServices(topology);
			stack.startGroup(topology.services());
			return stack;
		}
		catch (RuntimeException ex) {
			stack.stop();
			throw ex;
		}
	}

	public StackConfig config() {
		return this.config;
	}

	public DevTokens tokens() {
		return this.tokens;
	}

	/**
	 * How long each process took from start to ready, in start order.
	 * @return name to start time
	 */
	public Map<String, Duration> startTimes() {
		Map<String, Duration> times = new LinkedHashMap<>();
		this.processes.forEach((name, process) -> times.put(name, process.startedIn()));
		return times;
	}

	/**
	 * The process ids of the running processes.
	 * @return name to pid
	 */
	public Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>();
		this.processes.forEach((name, process) -> pids.put(name, process.pid()));
		return pids;
	}

	/**
	 * Kills one process at once (SIGKILL), as a crash would.
	 * @param name the process name, such as {@code notification-service}
	 */
	public void killProcess(String name) {
		process(name).kill();
	}

	/**
	 * Stops one process gracefully (SIGTERM, then SIGKILL after a grace period).
	 * @param name the process name, such as {@code kafka}
	 */
	public void stopProcess(String name) {
		process(name).stop(STOP_GRACE);
	}

	/**
	 * Starts one stopped or killed process again and waits until it is ready.
	 * @param name the process name
	 * @return how long it took to be ready
	 */
	public Duration startProcess(String name) {
		ManagedProcess process = process(name);
		if (process.isAlive()) {
			throw new IllegalStateException(name + " is running");
		}
		Instant begin = Instant.now();
		process.start();
		process.awaitReady(begin);
		return process.startedIn();
	}

	/**
	 * Stops one process gracefully, starts it again and waits until it is ready.
	 * @param name the process name
	 * @return how long the new process took to be ready
	 */
	public Duration restartProcess(String name) {
		stopProcess(name);
		return startProcess(name);
	}

	/**
	 * Names the started processes that are not running, unless the whole stack is
	 * stopping.
	 * @return the names of dead processes
	 */
	public List<String> deadProcesses() {
		List<String> dead = new ArrayList<>();
		if (this.stopping) {
			return dead;
		}
		for (ManagedProcess process : this.started) {
			if (!process.isAlive()) {
				dead.add(process.name());
			}
		}
		return dead;
	}

	public Path logFile(String name) {
		return process(name).logFile();
	}

	private ManagedProcess process(String name) {
		ManagedProcess process = this.processes.get(name);
		if (process == null) {
			throw new IllegalArgumentException("no process named " + name);
		}
		return process;
	}

	/**
	 * Stops every process this stack started, services first, then infrastructure.
	 */
	public synchronized void stop() {
		this.stopping = true;
		List<ManagedProcess> toStop;
		synchronized (this.started) {
			toStop = new ArrayList<>(this.started);
		}
		if (toStop.isEmpty()) {
			return;
		}
		Collections.reverse(toStop);
		List<ManagedProcess> services = toStop.stream().filter((p) -> this.services.contains(p.name())).toList();
		List<ManagedProcess> infra = toStop.stream().filter((p) -> !services.contains(p)).toList();
		stopAll(services);
		stopAll(infra);
		this.started.clear();
	}

	private void stopAll(List<ManagedProcess> group) {
		CompletableFuture
			.allOf(group.stream()
				.map((p) -> CompletableFuture.runAsync(() -> p.stop(STOP_GRACE)))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Checks that the suite is built and its ports are free, prepares the data folder
	 * (keys, the link secret, the text and voice provider's account, Kafka's
	 * configuration and storage) and defines a process for every component of the
	 * infrastructure (the services' once it runs: {@link #prepareServices}).
	 * @return the topology, whose infrastructure processes are defined but not started
	 */
	private SuiteTopology prepare() {
		requireBuilt();
		requireFreePorts();
		try {
			Files.createDirectories(this.config.logDir());
			Files.createDirectories(this.config.mailDir());
		}
		catch (IOException ex) {
			throw new StackException("cannot create " + this.config.dataDir() + ": " + ex.getMessage(), ex);
		}
		Path publicKey = this.tokens.ensureKeyPair();
		String alertLinkSecret = secret("alert-link-secret", 32);
		// The simulated Twilio account: a SID and an auth token made once per data
		// folder.
		SuiteTopology.TwilioAccount twilio = new SuiteTopology.TwilioAccount("AC" + secret("twilio-account-sid", 16),
				secret("twilio-auth-token", 16));
		KafkaBroker kafka = SuiteTopology.kafkaBroker(this.config);
		kafka.writeProperties();
		if (kafka.needsFormat()) {
			formatKafkaStorage(kafka);
		}
		writeKafkaLogConfig();
		SuiteTopology topology = SuiteTopology.of(this.config, publicKey, alertLinkSecret, twilio);
		topology.infrastructure().forEach((component) -> define(managedProcess(component)));
		return topology;
	}

	/**
	 * Makes the services' start-up caches that are missing (with the infrastructure up,
	 * as the services start), then defines a process for each service.
	 */
	private void prepareServices(SuiteTopology topology) {
		if (this.config.startupCache()) {
			Map<String, StartupCache.Training> trainings = new LinkedHashMap<>();
			for (Component service : topology.services()) {
				// One training per module, whatever the number of its instances.
				trainings.putIfAbsent(service.program(), new StartupCache.Training(java(), serviceJvmOptions(service),
						service.arguments(), service.environment()));
			}
			this.startupCache.prepare(trainings, this.out);
		}
		topology.services().forEach((component) -> {
			define(managedProcess(component));
			this.services.add(component.name());
		});
	}

	private void define(ManagedProcess process) {
		this.processes.put(process.name(), process);
	}

	private void startGroup(List<Component> components) {
		Instant begin = Instant.now();
		List<ManagedProcess> group = components.stream().map((component) -> process(component.name())).toList();
		for (ManagedProcess process : group) {
			if (this.stopping) {
				throw new StackException("stopped while starting");
			}
			this.started.add(process);
			process.start();
		}
		try {
			CompletableFuture
				.allOf(group.stream()
					.map((p) -> CompletableFuture.runAsync(() -> awaitReady(p, begin)))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof StackException stackException) {
				throw stackException;
			}
			throw ex;
		}
	}

	private void awaitReady(ManagedProcess process, Instant begin) {
		process.awaitReady(begin);
		this.out.printf("  ready  %-21s %5.1f s  (pid %d)%n", process.name(), process.startedIn().toMillis() / 1000.0,
				process.pid());
	}

	private void requireBuilt() {
		List<String> missing = new ArrayList<>();
		for (String module : SuiteTopology.SERVICE_MODULES) {
			if (!Files.isRegularFile(serviceJar(module))) {
				missing.add(serviceJar(module).toString());
			}
		}
		if (!Files.isDirectory(this.config.root().resolve("local-stack/target/lib"))) {
			missing.add(this.config.root().resolve("local-stack/target/lib").toString());
		}
		if (!missing.isEmpty()) {
			throw new StackException("the suite is not built; missing " + String.join(", ", missing)
					+ ". Run ./mvnw -DskipTests package (./run does this for you).");
		}
	}

	private void requireFreePorts() {
		Map<String, Integer> wanted = SuiteTopology.ports(this.config.ports(), this.config.replicas());
		List<String> taken = new ArrayList<>();
		wanted.forEach((what, port) -> portProblem(port)
			.ifPresent((why) -> taken.add("port " + port + " for " + what + " is not free: " + why)));
		if (!taken.isEmpty()) {
			throw new StackException(String.join(System.lineSeparator(), taken) + System.lineSeparator()
					+ "Stop what uses it (another ./run?) or choose another port with the variable in brackets.");
		}
	}

	private Optional<String> portProblem(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.config.host(), port), 200);
			return Optional.of("something is already listening there");
		}
		catch (IOException expected) {
			// nothing listening: now make sure we may bind it
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(this.config.host(), port));
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	private void formatKafkaStorage(KafkaBroker kafka) {
		List<String> command = new ArrayList<>(javaCommand("-Xmx256m"));
		command.add("-cp");
		command.add(infraClasspath());
		command.add(KafkaBroker.STORAGE_TOOL);
		command.addAll(kafka.formatArguments());
		ManagedProcess format = new ManagedProcess("kafka-format", "Kafka storage format", command, Map.of(),
				this.config.logDir().resolve("kafka-format.log"), () -> false, Duration.ofSeconds(60));
		format.start();
		Instant deadline = Instant.now().plusSeconds(60);
		while (format.isAlive() && Instant.now().isBefore(deadline)) {
			ManagedProcess.sleep(Duration.ofMillis(100));
		}
		if (format.isAlive() || kafka.needsFormat()) {
			format.kill();
			throw new StackException("formatting the Kafka storage failed. Last lines of " + format.logFile() + ":"
					+ System.lineSeparator() + format.tail(20));
		}
	}

	/**
	 * The process that runs a component: the launcher's own {@code java} with the
	 * component's heap and JVM options, its main class on this module's class path or its
	 * module's jar, its arguments and environment; ready once it listens on its port
	 * (infrastructure) or its readiness endpoint answers {@code 200} (services).
	 */
	private ManagedProcess managedProcess(Component component) {
		List<String> command = new ArrayList<>(javaCommand(component.heap()));
		command.addAll(component.jvmOptions());
		BooleanSupplier ready;
		Duration startTimeout;
		switch (component.kind()) {
			case INFRASTRUCTURE -> {
				command.add("-cp");
				command.add(infraClasspath());
				command.add(component.program());
				int port = component.readinessPort();
				ready = () -> listening(port);
				startTimeout = INFRA_START_TIMEOUT;
			}
			case SERVICE -> {
				if (this.config.startupCache()) {
					command.addAll(this.startupCache.launch(component.program(), serviceJvmOptions(component)));
				}
				else {
					command.add("-jar");
					command.add(serviceJar(component.program()).toString());
				}
				String readinessUrl = "http://" + this.config.host() + ":" + component.readinessPort()
						+ "/actuator/health/readiness";
				ready = () -> httpOk(readinessUrl);
				startTimeout = SERVICE_START_TIMEOUT;
			}
			default -> throw new IllegalStateException("unknown kind " + component.kind());
		}
		command.addAll(component.arguments());
		return new ManagedProcess(component.name(), component.description(), command, environment(component),
				this.config.logDir().resolve(component.name() + ".log"), ready, startTimeout);
	}

	/**
	 * A component's environment, with at most two C heap arenas: glibc's default (eight
	 * per core) lets every thread that allocates natively touch an arena of its own, tens
	 * of MiB of resident memory per JVM that buy nothing at this scale.
	 */
	private static Map<String, String> environment(Component component) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("MALLOC_ARENA_MAX", "2");
		environment.putAll(component.environment());
		return environment;
	}

	/** The JVM options a service runs with: the suite's, then the component's own. */
	private List<String> serviceJvmOptions(Component component) {
		List<String> suite = javaCommand(component.heap());
		List<String> options = new ArrayList<>(suite.subList(1, suite.size()));
		options.addAll(component.jvmOptions());
		return options;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private List<String> javaCommand(String heap) {
		String java = java();
		// Serial GC and compact object headers (JDK 25): the smallest footprint for
		// small heaps, each process on a share of two cores. A small initial heap: the
		// JVM's default (1/64 of the machine's memory, 384 MiB here) commits as much as
		// the limit, and a young generation sized from it fills 116 MiB per process with
		// garbage between collections; from 32 MiB the heap grows only as far as the live
		// data needs. C1 only: with eight JVMs on two cores, C2's compilations cost more
		// CPU than its faster code saves, for minutes after a start
		// (docs/performance.md).
		return List.of(java, heap, "-Xms32m", "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders",
				"-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
	}

	private Path serviceJar(String module) {
		return this.config.root().resolve(module).resolve("target").resolve(module + ".jar");
	}

	private String infraClasspath() {
		Path target = this.config.root().resolve("local-stack/target");
		return target.resolve("local-stack.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
	}

	private void writeKafkaLogConfig() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Configuration status="WARN">
				  <Appenders>
				    <Console name="out" target="SYSTEM_OUT">
				      <PatternLayout pattern="%d{ISO8601} %-5level [%c{1}] %msg%n"/>
				    </Console>
				  </Appenders>
				  <Loggers>
				    <Logger name="kafka" level="INFO"/>
				    <Logger name="org.apache.kafka" level="WARN"/>
				    <Root level="WARN"><AppenderRef ref="out"/></Root>
				  </Loggers>
				</Configuration>
				""";
		try {
			Files.writeString(SuiteTopology.kafkaLogConfig(this.config), xml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A random value made on first use and kept under {@code <data>/dev-keys/}.
	 * @param name the file's name
	 * @param length how many random bytes
	 * @return the value, hex-encoded
	 */
	private String secret(String name, int length) {
		Path file = this.config.keyDir().resolve(name);
		try {
			if (!Files.exists(file)) {
				byte[] bytes = new byte[length];
				new SecureRandom().nextBytes(bytes);
				Files.createDirectories(file.getParent());
				Files.writeString(file, HexFormat.of().formatHex(bytes));
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new StackException("cannot read or write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.config.host(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean httpOk(String url) {
		try {
			HttpResponse<Void> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
