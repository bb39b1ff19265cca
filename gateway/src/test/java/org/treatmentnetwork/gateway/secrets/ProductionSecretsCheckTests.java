package org.treatmentnetwork.gateway.secrets;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.GatewayApplication;
import org.treatmentnetwork.gateway.support.StaffTokens;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The gateway started the way {@code main} starts it refuses, outside the {@code local}
 * profile, to run without a staff token key, with the local stack's development key or
 * with a Redis that takes no password, naming the property but never its value; it starts
 * with real settings.
 */
class ProductionSecretsCheckTests {

	private static final StaffTokens TOKENS = StaffTokens.create();

	private static final String KEY = "--spring.security.oauth2.resourceserver.jwt.public-key-location=";

	@Test
	void refusesToStartWithoutATokenKey() {
		assertThatIllegalStateException().isThrownBy(() -> run())
			.withMessageContaining("gateway does not start outside the 'local' profile")
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or "
					+ "public-key-location: none is set");
	}

	@Test
	void refusesTheLocalStacksDevelopmentKeyAndARedisWithoutPassword() {
		assertThatIllegalStateException()
			.isThrownBy(() -> run(KEY + "file:/opt/suite/.data/dev-keys/jwt-public.pem",
					"--spring.data.redis.url=redis://redis.internal.example:6379"))
			.withMessageContaining("public-key-location is the local stack's development key")
			.withMessageContaining("spring.data.redis.url (SPRING_DATA_REDIS_URL) has no password")
			.withMessageNotContaining("/opt/suite")
			.withMessageNotContaining("redis.internal.example");
	}

	@Test
	void refusesAPlaceholderRedisPassword() {
		assertThatIllegalStateException()
			.isThrownBy(() -> run(KEY + TOKENS.publicKeyLocation(),
					"--spring.data.redis.url=redis://:change-me@redis.internal.example:6379"))
			.withMessageContaining("the password of spring.data.redis.url is a placeholder")
			.withMessageNotContaining("redis.internal.example");
	}

	@Test
	void startsWithARealKey() {
		try (ConfigurableApplicationContext context = GatewayApplication.application()
			.run(arguments(KEY + TOKENS.publicKeyLocation()))) {
			WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port"))
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
		GatewayApplication.application().run(arguments(arguments)).close();
	}

	private static String[] arguments(String... more) {
		String[] all = new String[more.length + 5];
		all[0] = "--server.port=0";
		all[1] = "--management.server.port=0";
		all[2] = "--spring.main.banner-mode=off";
		// Staff-token checks a production gateway is configured with.
		all[3] = "--treatment-network.security.tokens.issuer=https://id.example.test";
		all[4] = "--treatment-network.security.tokens.audience=treatment-network";
		System.arraycopy(more, 0, all, 5, more.length);
		return all;
	}

}
