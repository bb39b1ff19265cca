package org.treatmentnetwork.notification.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatmentnetwork.notification.NotificationApplication;
import org.treatmentnetwork.notification.support.EmbeddedMongo;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The service started the way {@code main} starts it refuses, outside the {@code local}
 * profile, a missing, placeholder or development secret, naming each property but never
 * its value; it starts with real secrets, and seeds the demo on-call network only in the
 * {@code local} profile.
 */
class ProductionSecretsCheckTests {

	private static final String REAL_SECRET = "3f1c9a7be2d84a60b5c2e9f07d1a4b8c";

	@TempDir
	static Path keys;

	private static EmbeddedKafkaKraftBroker broker;

	private static String publicKeyLocation;

	@BeforeAll
	static void publicKey() throws IOException, NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(generator.generateKeyPair().getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		Path file = keys.resolve("staff-tokens.pem");
		Files.writeString(file, pem);
		publicKeyLocation = file.toUri().toString();
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.destroy();
		}
	}

	@Test
	void refusesThePublicDefaultOfTheLinkSecretAndTheLocalStacksTokenKey() {
		assertThatIllegalStateException().isThrownBy(() -> run(
				"--notification.links.secret=compose-only-secret-change-me-in-production",
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:/home/op/.data/dev-keys/jwt-public.pem"))
			.withMessageContaining("outside the 'local' profile")
			.withMessageContaining("notification.links.secret (ALERT_LINK_SECRET) is a public default or placeholder")
			.withMessageContaining("public-key-location is the local stack's development key")
			.withMessageNotContaining("compose-only")
			.withMessageNotContaining("/home/op");
	}

	@Test
	void refusesAMissingLinkSecretAndAMissingTextAndVoiceToken() {
		assertThatIllegalStateException()
			.isThrownBy(() -> run("--notification.links.secret=",
					"--notification.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
					"--spring.security.oauth2.resourceserver.jwt.public-key-location="))
			.withMessageContaining("notification.links.secret (ALERT_LINK_SECRET) is missing")
			.withMessageContaining("notification.twilio.auth-token (TWILIO_AUTH_TOKEN) is missing")
			.withMessageContaining("issuer-uri, jwk-set-uri or public-key-location: none is set");
	}

	@Test
	void startsWithRealSecretsAndSeedsNoDemoNetwork() {
		try (ConfigurableApplicationContext context = start("secrets-production-" + UUID.randomUUID())) {
			awaitReady(context);

			assertThat(teams(context)).isEmpty();
		}
	}

	@Test
	void theLocalProfileIsNotCheckedAndSeedsTheDemoNetwork() {
		try (ConfigurableApplicationContext context = start("secrets-local-" + UUID.randomUUID(),
				"--spring.profiles.active=local", "--notification.links.secret=local-secret-made-by-the-launcher",
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyLocation)) {
			awaitReady(context);

			assertThat(teams(context)).extracting((team) -> team.getString("_id"))
				.contains("network", "center-demo-harbor", "center-demo-ridge");
		}
	}

	private static void run(String... arguments) {
		NotificationApplication.application().run(arguments("secrets-refused", arguments)).close();
	}

	private static ConfigurableApplicationContext start(String database, String... arguments) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("--spring.kafka.bootstrap-servers", "--spring.kafka.bootstrap-servers=" + brokers());
		for (String argument : arguments) {
			all.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		return NotificationApplication.application().run(arguments(database, all.values().toArray(String[]::new)));
	}

	/** Real secrets on a random port, then the given arguments, a later one winning. */
	private static String[] arguments(String database, String... arguments) {
		Map<String, String> all = new LinkedHashMap<>();
		for (String argument : List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.mongodb.uri=" + EmbeddedMongo.uri(database), "--notification.links.secret=" + REAL_SECRET,
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyLocation)) {
			all.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		for (String argument : arguments) {
			all.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		return all.values().toArray(String[]::new);
	}

	private static void awaitReady(ConfigurableApplicationContext context) {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
	}

	private static List<Document> teams(ConfigurableApplicationContext context) {
		return context.getBean(ReactiveMongoTemplate.class)
			.find(new Query(), Document.class, "teams")
			.collectList()
			.block(Duration.ofSeconds(5));
	}

	private static synchronized String brokers() {
		if (broker == null) {
			broker = new EmbeddedKafkaKraftBroker(1, 3, "intake.contact-requests.v1", "intake.contact-requests.v1.DLT");
			broker.afterPropertiesSet();
		}
		return broker.getBrokersAsString();
	}

}
