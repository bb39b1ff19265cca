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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

import org.treatmentnetwork.localstack.kafka.KafkaBroker;
import org.treatmentnetwork.localstack.mail.MailServer;
import org.treatmentnetwork.localstack.mongo.MongoWireServer;
import org.treatmentnetwork.localstack.tokens.DevTokens;

/**
 * The running local stack: a Kafka broker, a MongoDB wire-protocol server and an SMTP
 * server, then the four services, each a separate process. Used by {@code ./run} and by
 * the system tests.
 */
public final class Stack implements AutoCloseable {

	private static final Duration INFRA_START_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final StackConfig config;

	private final PrintStream out;

	private final DevTokens tokens;

	private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

	private final List<ManagedProcess> started = Collections.synchronizedList(new ArrayList<>());

	private volatile boolean stopping;

	private Stack(StackConfig config, PrintStream out) {
		this.config = config;
		this.out = out;
		this.tokens = new DevTokens(config.keyDir());
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
			stack.prepare();
			stack.startGroup(List.of("mongodb", "smtp", "kafka"));
			stack.startGroup(List.of("content-service", "intake-service", "notification-service", "gateway"));
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
		List<ManagedProcess> services = toStop.stream()
			.filter((p) -> p.name().endsWith("service") || p.name().equals("gateway"))
			.toList();
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

	private void prepare() {
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
		String alertLinkSecret = secret("alert-link-secret");
		KafkaBroker kafka = new KafkaBroker(this.config.dataDir().resolve("kafka"), this.config.host(),
				this.config.ports().kafka(), this.config.ports().kafkaController());
		kafka.writeProperties();
		if (kafka.needsFormat()) {
			formatKafkaStorage(kafka);
		}
		define(infra("mongodb", "MongoDB wire-protocol server (H2 on disk)", MongoWireServer.class.getName(),
				List.of(this.config.host(), String.valueOf(this.config.ports().mongo()),
						this.config.dataDir().resolve("mongodb").resolve("mongo.mv").toString()),
				this.config.ports().mongo(), "-Xmx384m"));
		define(infra(
				"smtp", "SMTP server for staff e-mail", MailServer.class.getName(), List.of(this.config.host(),
						String.valueOf(this.config.ports().smtp()), this.config.mailDir().toString()),
				this.config.ports().smtp(), "-Xmx96m"));
		define(infra("kafka", "Apache Kafka broker (KRaft)", KafkaBroker.MAIN_CLASS,
				List.of(kafka.propertiesFile().toString()), this.config.ports().kafka(), "-Xmx512m"));
		String keyArg = "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey;
		// The services' development defaults (such as intake's development encryption
		// keys and notification's demo on-call network) live in their "local" profile,
		// which production never activates.
		String profileArg = "--spring.profiles.active=local";
		// Every service checks the staff tokens' issuer and audience itself.
		Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", this.config.kafkaBootstrap(),
				"STAFF_TOKEN_ISSUER", DevTokens.ISSUER, "STAFF_TOKEN_AUDIENCE", DevTokens.AUDIENCE);
		// Every port but the gateway's public one listens on loopback only (actuator and
		// Prometheus included): the services, whatever SERVER_ADDRESS the shell has, and
		// the gateway's management port.
		Map<String, String> loopback = env(common, "SERVER_ADDRESS", this.config.host());
		define(service("content-service", "content-service", this.config.ports().content(),
				this.config.ports().content(), env(loopback, "CONTENT_PORT", this.config.ports().content(),
						"MONGODB_URI", this.config.mongoUri("content")),
				keyArg, profileArg));
		define(service("intake-service", "intake-service", this.config.ports().intake(), this.config.ports().intake(),
				env(loopback, "INTAKE_PORT", this.config.ports().intake(), "MONGODB_URI",
						this.config.mongoUri("intake")),
				keyArg, profileArg));
		Map<String, String> notificationEnv = env(loopback, "NOTIFICATION_PORT", this.config.ports().notification(),
				"MONGODB_URI", this.config.mongoUri("notification"));
		notificationEnv.put("SMTP_HOST", this.config.host());
		notificationEnv.put("SMTP_PORT", String.valueOf(this.config.ports().smtp()));
		notificationEnv.put("PUBLIC_BASE_URL", this.config.gatewayUrl());
		notificationEnv.put("ALERT_LINK_SECRET", alertLinkSecret);
		define(service("notification-service", "notification-service", this.config.ports().notification(),
				this.config.ports().notification(), notificationEnv, keyArg, profileArg));
		Map<String, String> gatewayEnv = env(common, "GATEWAY_PORT", this.config.ports().gateway(),
				"GATEWAY_MANAGEMENT_PORT", this.config.ports().gatewayManagement(), "GATEWAY_MANAGEMENT_ADDRESS",
				this.config.host());
		gatewayEnv.put("CONTENT_SERVICE_URL", "http://" + this.config.host() + ":" + this.config.ports().content());
		gatewayEnv.put("INTAKE_SERVICE_URL", "http://" + this.config.host() + ":" + this.config.ports().intake());
		gatewayEnv.put("NOTIFICATION_SERVICE_URL",
				"http://" + this.config.host() + ":" + this.config.ports().notification());
		define(service("gateway", "gateway", this.config.ports().gateway(), this.config.ports().gatewayManagement(),
				gatewayEnv, keyArg, profileArg));
	}

	private void define(ManagedProcess process) {
		this.processes.put(process.name(), process);
	}

	private void startGroup(List<String> names) {
		Instant begin = Instant.now();
		List<ManagedProcess> group = names.stream().map(this::process).toList();
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
		for (String module : List.of("content-service", "intake-service", "notification-service", "gateway")) {
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
		StackConfig.Ports ports = this.config.ports();
		Map<String, Integer> wanted = new LinkedHashMap<>();
		wanted.put("gateway (GATEWAY_PORT)", ports.gateway());
		wanted.put("gateway management (GATEWAY_MANAGEMENT_PORT)", ports.gatewayManagement());
		wanted.put("content-service (CONTENT_PORT)", ports.content());
		wanted.put("intake-service (INTAKE_PORT)", ports.intake());
		wanted.put("notification-service (NOTIFICATION_PORT)", ports.notification());
		wanted.put("Kafka broker (KAFKA_PORT)", ports.kafka());
		wanted.put("Kafka controller (KAFKA_CONTROLLER_PORT)", ports.kafkaController());
		wanted.put("MongoDB wire-protocol server (MONGO_PORT)", ports.mongo());
		wanted.put("SMTP server (SMTP_PORT)", ports.smtp());
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

	private ManagedProcess infra(String name, String description, String mainClass, List<String> args, int port,
			String heap) {
		List<String> command = new ArrayList<>(javaCommand(heap));
		if (name.equals("kafka")) {
			command.add("-Dlog4j2.configurationFile=" + this.config.dataDir().resolve("kafka").resolve("log4j2.xml"));
			writeKafkaLogConfig();
		}
		command.add("-cp");
		command.add(infraClasspath());
		command.add(mainClass);
		command.addAll(args);
		return new ManagedProcess(name, description, command, Map.of(), this.config.logDir().resolve(name + ".log"),
				() -> listening(port), INFRA_START_TIMEOUT);
	}

	private ManagedProcess service(String name, String module, int port, int managementPort,
			Map<String, String> environment, String... args) {
		List<String> command = new ArrayList<>(javaCommand("-Xmx384m"));
		command.add("-jar");
		command.add(serviceJar(module).toString());
		command.addAll(List.of(args));
		String readinessUrl = "http://" + this.config.host() + ":" + managementPort + "/actuator/health/readiness";
		BooleanSupplier ready = () -> httpOk(readinessUrl);
		return new ManagedProcess(name, name + " on port " + port, command, environment,
				this.config.logDir().resolve(name + ".log"), ready, SERVICE_START_TIMEOUT);
	}

	private List<String> javaCommand(String heap) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return List.of(java, heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
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
			Files.writeString(this.config.dataDir().resolve("kafka").resolve("log4j2.xml"), xml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String secret(String name) {
		Path file = this.config.keyDir().resolve(name);
		try {
			if (!Files.exists(file)) {
				byte[] bytes = new byte[32];
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

	private static Map<String, String> env(Map<String, String> common, Object... pairs) {
		Map<String, String> environment = new LinkedHashMap<>(common);
		for (int i = 0; i < pairs.length; i += 2) {
			environment.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
		}
		return environment;
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
