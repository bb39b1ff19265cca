package org.treatmentnetwork.intake.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.treatmentnetwork.intake.IntakeApplication;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service started the way {@code main} starts it
 * ({@link IntakeApplication#application()}), on a random port, against the shared
 * in-process MongoDB server and an embedded Kafka broker shared by every start in this
 * JVM; for tests that start the service several times with different configuration.
 */
public final class RunningIntake implements AutoCloseable {

	private static EmbeddedKafkaKraftBroker broker;

	private final ConfigurableApplicationContext context;

	private RunningIntake(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the service.
	 * @param database the MongoDB database to use
	 * @param arguments further command-line arguments ({@code --name=value}), such as the
	 * keys
	 * @return the running service
	 */
	public static RunningIntake start(String database, String... arguments) {
		List<String> withBroker = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + brokers()));
		withBroker.addAll(List.of(arguments));
		return new RunningIntake(
				IntakeApplication.application().run(arguments(database, withBroker.toArray(String[]::new))));
	}

	/**
	 * The command line for {@link IntakeApplication#application()}: random port, the
	 * shared MongoDB server and the test token key, then the given arguments; a later
	 * argument replaces an earlier one of the same name.
	 * @param database the MongoDB database to use
	 * @param arguments further arguments
	 * @return the arguments
	 */
	public static String[] arguments(String database, String... arguments) {
		Map<String, String> all = new LinkedHashMap<>();
		for (String argument : List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.mongodb.uri=" + EmbeddedMongo.uri(database),
				"--spring.security.oauth2.resourceserver.jwt.public-key-location="
						+ TestStaffTokens.shared().publicKeyLocation())) {
			all.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		for (String argument : arguments) {
			all.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		return all.values().toArray(String[]::new);
	}

	public WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port"))
			.build();
	}

	public ReactiveMongoTemplate mongo() {
		return this.context.getBean(ReactiveMongoTemplate.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	private static synchronized String brokers() {
		if (broker == null) {
			broker = new EmbeddedKafkaKraftBroker(1, 3, "intake.contact-requests.v1", "intake.contact-requests.v1.DLT");
			broker.afterPropertiesSet();
			EmbeddedKafkaKraftBroker started = broker;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-shutdown"));
		}
		return broker.getBrokersAsString();
	}

}
