package org.treatmentnetwork.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.treatmentnetwork.localstack.kafka.KafkaBroker;
import org.treatmentnetwork.localstack.mail.MailServer;
import org.treatmentnetwork.localstack.mongo.MongoWireServer;
import org.treatmentnetwork.localstack.sms.ProviderSimulator;
import org.treatmentnetwork.localstack.tokens.DevTokens;

/**
 * What the local stack runs, declared in one place: every process, the ports it listens
 * on, its heap, and the arguments and environment it is given. {@link Stack} is the
 * machinery that prepares the data folder, starts the {@link #infrastructure()} and then
 * the {@link #services()} (each group side by side), waits until they are ready and stops
 * them again.
 */
final class SuiteTopology {

	static final String CONTENT = "content-service";

	static final String INTAKE = "intake-service";

	static final String NOTIFICATION = "notification-service";

	static final String GATEWAY = "gateway";

	/** The text and voice provider simulator's process. */
	static final String SMS = "sms";

	/** The number texts and calls come from, on the simulated Twilio account. */
	static final String SMS_SENDER = "+12025550100";

	/** Where the notification service takes inbound texts, on the gateway. */
	static final String INBOUND_MESSAGE_PATH = "/api/paging/twilio/inbound-message";

	/** The modules whose jars run as services, in start order. */
	static final List<String> SERVICE_MODULES = List.of(CONTENT, INTAKE, NOTIFICATION, GATEWAY);

	private static final String SERVICE_HEAP = "-Xmx384m";

	private final List<Component> infrastructure;

	private final List<Component> services;

	private SuiteTopology(List<Component> infrastructure, List<Component> services) {
		this.infrastructure = List.copyOf(infrastructure);
		this.services = List.copyOf(services);
	}

	/**
	 * The simulated Twilio account, made once per data folder.
	 *
	 * @param accountSid {@code AC} and 32 hex characters
	 * @param authToken the auth token, 32 hex characters
	 */
	record TwilioAccount(String accountSid, String authToken) {

		@Override
		public String toString() {
			return "TwilioAccount[accountSid=" + this.accountSid + "]";
		}

	}

	/**
	 * The suite for these ports and folders.
	 * @param config ports and folders
	 * @param publicKey the development key the services check staff tokens with
	 * @param alertLinkSecret the notification service's link secret
	 * @param twilio the simulated Twilio account the notification service uses
	 * @return the topology
	 */
	static SuiteTopology of(StackConfig config, Path publicKey, String alertLinkSecret, TwilioAccount twilio) {
		StackConfig.Ports ports = config.ports();
		String host = config.host();

		List<Component> infrastructure = List.of(
				Component
					.infrastructure("mongodb", "MongoDB wire-protocol server (H2 on disk)",
							MongoWireServer.class.getName(), "-Xmx1536m", ports.mongo())
					.withArguments(host, ports.mongo(), config.dataDir().resolve("mongodb").resolve("mongo.mv")),
				Component
					.infrastructure("smtp", "SMTP server for staff e-mail", MailServer.class.getName(), "-Xmx96m",
							ports.smtp())
					.withArguments(host, ports.smtp(), config.mailDir()),
				Component
					.infrastructure("kafka", "Apache Kafka broker (KRaft)", KafkaBroker.MAIN_CLASS, "-Xmx512m",
							ports.kafka())
					.withJvmOption("-Dlog4j2.configurationFile=" + kafkaLogConfig(config))
					.withArguments(kafkaBroker(config).propertiesFile()),
				// Stands in for Twilio: the notification service pages by text and call
				// through it, and it posts inbound texts to the gateway.
				Component
					.infrastructure(SMS, "Text and voice provider simulator (Twilio's REST API)",
							ProviderSimulator.class.getName(), "-Xmx64m", ports.sms())
					.withEnvironment(ProviderSimulator.ACCOUNT_SID, twilio.accountSid())
					.withEnvironment(ProviderSimulator.AUTH_TOKEN, twilio.authToken())
					.withEnvironment(ProviderSimulator.FROM_NUMBER, SMS_SENDER)
					.withEnvironment(ProviderSimulator.INBOUND_URL, config.gatewayUrl() + INBOUND_MESSAGE_PATH)
					.withArguments(host, ports.sms(), config.smsDir()));

		// Every service checks the staff tokens' issuer and audience itself.
		Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(), "STAFF_TOKEN_ISSUER",
				DevTokens.ISSUER, "STAFF_TOKEN_AUDIENCE", DevTokens.AUDIENCE);
		String keyArg = "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey;
		// The services' development defaults (such as intake's development encryption
		// keys and notification's demo on-call network) live in their "local" profile,
		// which production never activates.
		String profileArg = "--spring.profiles.active=local";
		// Every port but the gateway's public one listens on loopback only (actuator and
		// Prometheus included): the services, whatever SERVER_ADDRESS the shell has, and
		// the gateway's management port. With several replicas, instance n of a service
		// listens on its ports shifted by (n - 1) steps, and every gateway balances over
		// all instances of each service.
		int replicas = config.replicas();
		List<Component> services = new ArrayList<>();
		for (int instance = 1; instance <= replicas; instance++) {
			int content = StackConfig.instancePort(ports.content(), instance);
			services.add(Component.service(instanceName(CONTENT, instance), CONTENT, SERVICE_HEAP, content, content)
				.withEnvironment(common)
				.withEnvironment("SERVER_ADDRESS", host)
				.withEnvironment("CONTENT_PORT", content)
				.withEnvironment("MONGODB_URI", config.mongoUri("content"))
				.withArguments(keyArg, profileArg));
		}
		for (int instance = 1; instance <= replicas; instance++) {
			int intake = StackConfig.instancePort(ports.intake(), instance);
			services.add(Component.service(instanceName(INTAKE, instance), INTAKE, SERVICE_HEAP, intake, intake)
				.withEnvironment(common)
				.withEnvironment("SERVER_ADDRESS", host)
				.withEnvironment("INTAKE_PORT", intake)
				.withEnvironment("MONGODB_URI", config.mongoUri("intake"))
				.withArguments(keyArg, profileArg));
		}
		for (int instance = 1; instance <= replicas; instance++) {
			int notification = StackConfig.instancePort(ports.notification(), instance);
			services.add(Component
				.service(instanceName(NOTIFICATION, instance), NOTIFICATION, SERVICE_HEAP, notification, notification)
				.withEnvironment(common)
				.withEnvironment("SERVER_ADDRESS", host)
				.withEnvironment("NOTIFICATION_PORT", notification)
				.withEnvironment("MONGODB_URI", config.mongoUri("notification"))
				.withEnvironment("SMTP_HOST", host)
				.withEnvironment("SMTP_PORT", ports.smtp())
				// The base of the links in pages.
				.withEnvironment("PUBLIC_BASE_URL", config.gatewayUrl())
				.withEnvironment("ALERT_LINK_SECRET", alertLinkSecret)
				// Texts and calls go to the simulator, which speaks Twilio's API.
				.withEnvironment("TWILIO_ACCOUNT_SID", twilio.accountSid())
				.withEnvironment("TWILIO_AUTH_TOKEN", twilio.authToken())
				.withEnvironment("TWILIO_FROM_NUMBER", SMS_SENDER)
				.withEnvironment("TWILIO_API_BASE_URL", url(host, ports.sms()))
				.withArguments(keyArg, profileArg));
		}
		for (int instance = 1; instance <= replicas; instance++) {
			int gateway = StackConfig.instancePort(ports.gateway(), instance);
			int management = StackConfig.instancePort(ports.gatewayManagement(), instance);
			services.add(Component.service(instanceName(GATEWAY, instance), GATEWAY, SERVICE_HEAP, gateway, management)
				.withEnvironment(common)
				.withEnvironment("GATEWAY_PORT", gateway)
				.withEnvironment("GATEWAY_MANAGEMENT_PORT", management)
				.withEnvironment("GATEWAY_MANAGEMENT_ADDRESS", host)
				.withEnvironment("CONTENT_SERVICE_URL", urls(host, ports.content(), replicas))
				.withEnvironment("INTAKE_SERVICE_URL", urls(host, ports.intake(), replicas))
				.withEnvironment("NOTIFICATION_SERVICE_URL", urls(host, ports.notification(), replicas))
				.withArguments(keyArg, profileArg));
		}

		return new SuiteTopology(infrastructure, services);
	}

	/**
	 * Every port the suite listens on, each named with the variable that changes it.
	 * @param ports the ports
	 * @return what each port is for, to port
	 */
	static Map<String, Integer> ports(StackConfig.Ports ports) {
		return ports(ports, 1);
	}

	/**
	 * Every port the suite listens on with this many instances of each service, each
	 * named with the variable that changes it.
	 * @param ports the ports
	 * @param replicas instances of each service
	 * @return what each port is for, to port
	 */
	static Map<String, Integer> ports(StackConfig.Ports ports, int replicas) {
		Map<String, Integer> named = new LinkedHashMap<>();
		named.put("gateway (GATEWAY_PORT)", ports.gateway());
		named.put("gateway management (GATEWAY_MANAGEMENT_PORT)", ports.gatewayManagement());
		named.put("content-service (CONTENT_PORT)", ports.content());
		named.put("intake-service (INTAKE_PORT)", ports.intake());
		named.put("notification-service (NOTIFICATION_PORT)", ports.notification());
		for (int instance = 2; instance <= replicas; instance++) {
			String shift = " + " + (instance - 1) * StackConfig.INSTANCE_PORT_STEP + ")";
			named.put("gateway " + instance + " (GATEWAY_PORT" + shift,
					StackConfig.instancePort(ports.gateway(), instance));
			named.put("gateway " + instance + " management (GATEWAY_MANAGEMENT_PORT" + shift,
					StackConfig.instancePort(ports.gatewayManagement(), instance));
			named.put("content-service " + instance + " (CONTENT_PORT" + shift,
					StackConfig.instancePort(ports.content(), instance));
			named.put("intake-service " + instance + " (INTAKE_PORT" + shift,
					StackConfig.instancePort(ports.intake(), instance));
			named.put("notification-service " + instance + " (NOTIFICATION_PORT" + shift,
					StackConfig.instancePort(ports.notification(), instance));
		}
		named.put("Kafka broker (KAFKA_PORT)", ports.kafka());
		named.put("Kafka controller (KAFKA_CONTROLLER_PORT)", ports.kafkaController());
		named.put("MongoDB wire-protocol server (MONGO_PORT)", ports.mongo());
		named.put("SMTP server (SMTP_PORT)", ports.smtp());
		named.put("SMS and voice simulator (SMS_SIMULATOR_PORT)", ports.sms());
		return named;
	}

	/**
	 * The Kafka broker: one KRaft node, broker and controller, in {@code <data>/kafka}.
	 * @param config ports and folders
	 * @return its configuration, which the runner writes and formats before the start
	 */
	static KafkaBroker kafkaBroker(StackConfig config) {
		return new KafkaBroker(config.dataDir().resolve("kafka"), config.host(), config.ports().kafka(),
				config.ports().kafkaController());
	}

	/**
	 * Where the Kafka broker's log configuration is, which the runner writes.
	 * @param config ports and folders
	 * @return {@code <data>/kafka/log4j2.xml}
	 */
	static Path kafkaLogConfig(StackConfig config) {
		return config.dataDir().resolve("kafka").resolve("log4j2.xml");
	}

	/**
	 * The infrastructure: started first, side by side, and stopped last.
	 * @return the components, in start order
	 */
	List<Component> infrastructure() {
		return this.infrastructure;
	}

	/**
	 * The services and the gateway: started once the infrastructure is ready, side by
	 * side, and stopped first.
	 * @return the components, in start order
	 */
	List<Component> services() {
		return this.services;
	}

	private static String url(String host, int port) {
		return "http://" + host + ":" + port;
	}

	/** Every instance of a service, comma-separated, as the gateway takes them. */
	private static String urls(String host, int port, int replicas) {
		List<String> urls = new ArrayList<>();
		for (int instance = 1; instance <= replicas; instance++) {
			urls.add(url(host, StackConfig.instancePort(port, instance)));
		}
		return String.join(",", urls);
	}

	/**
	 * The process name of an instance of a service: the module's name for the first
	 * instance, with the instance's number after it for the others.
	 * @param module the module, such as {@code intake-service}
	 * @param instance 1, 2...
	 * @return such as {@code intake-service} or {@code intake-service-2}
	 */
	static String instanceName(String module, int instance) {
		return (instance == 1) ? module : module + "-" + instance;
	}

}
