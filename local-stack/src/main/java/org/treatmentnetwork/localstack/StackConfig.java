package org.treatmentnetwork.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. Every port can be changed
 * by an environment variable; the defaults are those of the contract.
 *
 * @param root the repository root (where the modules' {@code target} folders are)
 * @param dataDir where data, keys and logs live (survives restarts)
 * @param host the loopback address every process binds to
 * @param ports the ports of every process
 * @param startupCache whether the services start with their start-up caches
 * ({@link StartupCache}; {@code STACK_STARTUP_CACHE=off} turns them off)
 * @param replicas how many instances of each service and of the gateway run
 * ({@code STACK_REPLICAS} or {@code ./run --replicas N}, 1 to {@value #MAX_REPLICAS});
 * the second instance listens on its service's ports plus {@value #INSTANCE_PORT_STEP},
 * the third plus twice that
 */
public record StackConfig(Path root, Path dataDir, String host, Ports ports, boolean startupCache, int replicas) {

	/** The most instances of each service the local stack runs. */
	public static final int MAX_REPLICAS = 4;

	/** How far apart the ports of two instances of one service are. */
	public static final int INSTANCE_PORT_STEP = 100;

	public StackConfig {
		if (replicas < 1 || replicas > MAX_REPLICAS) {
			throw new StackException("replicas must be between 1 and " + MAX_REPLICAS
					+ " (STACK_REPLICAS, --replicas), not " + replicas);
		}
	}

	/**
	 * One instance per service, as {@code ./run} starts by default.
	 * @param root the repository root
	 * @param dataDir where data, keys and logs live
	 * @param host the loopback address
	 * @param ports the ports
	 * @param startupCache whether the services start with their start-up caches
	 */
	public StackConfig(Path root, Path dataDir, String host, Ports ports, boolean startupCache) {
		this(root, dataDir, host, ports, startupCache, 1);
	}

	/**
	 * The ports of the stack.
	 *
	 * @param gateway the gateway, the only port clients use
	 * @param gatewayManagement the gateway's actuator
	 * @param content the content service
	 * @param intake the intake service
	 * @param notification the notification service
	 * @param kafka the Kafka broker
	 * @param kafkaController the Kafka controller
	 * @param mongo the MongoDB wire-protocol server
	 * @param smtp the SMTP server
	 * @param sms the text and voice provider simulator
	 */
	public record Ports(int gateway, int gatewayManagement, int content, int intake, int notification, int kafka,
			int kafkaController, int mongo, int smtp, int sms) {

		/**
		 * The same ports shifted by an offset, for a second stack beside the first one.
		 * @param offset added to every port
		 * @return the shifted ports
		 */
		public Ports shiftedBy(int offset) {
			return new Ports(this.gateway + offset, this.gatewayManagement + offset, this.content + offset,
					this.intake + offset, this.notification + offset, this.kafka + offset,
					this.kafkaController + offset, this.mongo + offset, this.smtp + offset, this.sms + offset);
		}

	}

	/**
	 * Reads the configuration from environment variables with the contract's defaults.
	 * @param root the repository root
	 * @param env the environment
	 * @return the configuration
	 */
	public static StackConfig fromEnvironment(Path root, Map<String, String> env) {
		Path dataDir = env.containsKey("STACK_DATA_DIR") ? Path.of(env.get("STACK_DATA_DIR")) : root.resolve(".data");
		Ports ports = new Ports(port(env, "GATEWAY_PORT", 8080), port(env, "GATEWAY_MANAGEMENT_PORT", 8090),
				port(env, "CONTENT_PORT", 8081), port(env, "INTAKE_PORT", 8082), port(env, "NOTIFICATION_PORT", 8083),
				port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093), port(env, "MONGO_PORT", 27017),
				port(env, "SMTP_PORT", 2525), port(env, "SMS_SIMULATOR_PORT", 8086));
		boolean startupCache = !"off".equalsIgnoreCase(env.getOrDefault("STACK_STARTUP_CACHE", "on").trim());
		return new StackConfig(root.toAbsolutePath().normalize(), dataDir.toAbsolutePath().normalize(), "127.0.0.1",
				ports, startupCache, replicas(env.get("STACK_REPLICAS"), "STACK_REPLICAS"));
	}

	/**
	 * The same configuration with another number of instances per service.
	 * @param replicas 1 to {@value #MAX_REPLICAS}
	 * @return the configuration
	 */
	public StackConfig withReplicas(int replicas) {
		return new StackConfig(this.root, this.dataDir, this.host, this.ports, this.startupCache, replicas);
	}

	/**
	 * Parses a number of instances per service.
	 * @param value the text, such as {@code 2}; {@code null} or blank means 1
	 * @param source where it comes from, for the message
	 * @return the number
	 * @throws StackException when it is not a number from 1 to {@value #MAX_REPLICAS}
	 */
	public static int replicas(String value, String source) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		try {
			int replicas = Integer.parseInt(value.trim());
			if (replicas >= 1 && replicas <= MAX_REPLICAS) {
				return replicas;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new StackException(source + "='" + value + "' is not a number of instances (1-" + MAX_REPLICAS + ")");
	}

	/**
	 * The port an instance of a service listens on.
	 * @param port the port of the first instance
	 * @param instance 1 for the first instance, 2 for the second...
	 * @return the port
	 */
	public static int instancePort(int port, int instance) {
		return port + (instance - 1) * INSTANCE_PORT_STEP;
	}

	private static int port(Map<String, String> env, String name, int defaultPort) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return defaultPort;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new StackException(name + "='" + value + "' is not a port number (1-65535)");
		}
	}

	public Path logDir() {
		return this.dataDir.resolve("logs");
	}

	public Path keyDir() {
		return this.dataDir.resolve("dev-keys");
	}

	public Path mailDir() {
		return this.dataDir.resolve("mail");
	}

	/**
	 * Where the text and voice provider simulator keeps its messages and calls.
	 * @return {@code <data>/sms}
	 */
	public Path smsDir() {
		return this.dataDir.resolve("sms");
	}

	/**
	 * The base URL of the text and voice provider simulator: its Twilio REST API, its
	 * control API under {@code /simulator/} and its page at {@code /}.
	 * @return {@code http://<host>:<sms port>}
	 */
	public String smsSimulatorUrl() {
		return "http://" + this.host + ":" + this.ports.sms();
	}

	public String gatewayUrl() {
		return "http://localhost:" + this.ports.gateway();
	}

	public String mongoUri(String database) {
		return "mongodb://" + this.host + ":" + this.ports.mongo() + "/" + database;
	}

	public String kafkaBootstrap() {
		return this.host + ":" + this.ports.kafka();
	}

}
