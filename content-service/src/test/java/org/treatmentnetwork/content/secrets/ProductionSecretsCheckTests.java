package org.treatmentnetwork.content.secrets;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.content.ContentApplication;
import org.treatmentnetwork.content.support.MongoTestServer;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The service started the way {@code main} starts it refuses, outside the {@code local}
 * profile, to run without a staff token key or with the local stack's development key,
 * naming the property but never its value; it starts with a real key.
 */
class ProductionSecretsCheckTests {

	private static final TestStaffTokens TOKENS = TestStaffTokens.shared();

	@Test
	void refusesToStartWithoutATokenKey() {
		assertThatIllegalStateException().isThrownBy(() -> run())
			.withMessageContaining("outside the 'local' profile")
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or "
					+ "public-key-location: none is set");
	}

	@Test
	void refusesTheLocalStacksDevelopmentKey() {
		assertThatIllegalStateException().isThrownBy(() -> run(
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:/opt/suite/.data/dev-keys/jwt-public.pem"))
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.public-key-location is the local "
					+ "stack's development key")
			.withMessageNotContaining("/opt/suite");
	}

	@Test
	void startsWithARealKey() {
		try (ConfigurableApplicationContext context = ContentApplication.application()
			.run(arguments(
					"--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TOKENS.publicKeyLocation()))) {
			WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
				.responseTimeout(Duration.ofSeconds(30))
				.build()
				.get()
				.uri("/actuator/health/liveness")
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	private static void run(String... arguments) {
		ContentApplication.application().run(arguments(arguments)).close();
	}

	private static String[] arguments(String... more) {
		String[] all = new String[more.length + 3];
		all[0] = "--server.port=0";
		all[1] = "--spring.main.banner-mode=off";
		all[2] = "--spring.mongodb.uri=" + MongoTestServer.uri("secrets-check");
		System.arraycopy(more, 0, all, 3, more.length);
		return all;
	}

}
