package org.treatmentnetwork.gateway;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.treatmentnetwork.gateway.support.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a Redis URL configured, the contact-request limit is kept in a real Redis (the
 * Debian {@code redis-server}, started for this class on a free port), so several gateway
 * instances share it. When Redis fails, nobody is refused because of it: the gateway
 * limits in memory, counts the failure and logs it, and uses Redis again once it is back.
 */
@EnabledIf(value = "org.treatmentnetwork.gateway.support.RedisServer#isInstalled",
		disabledReason = "redis-server is not installed (apt-get install redis-server); Redis rate-limit tests skipped")
class RedisRateLimitTests extends GatewayTestSupport {

	private static RedisServer redis;

	@Autowired
	ReactiveStringRedisTemplate redisTemplate;

	@DynamicPropertySource
	static void redisStore(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> redis().url());
		registry.add("gateway.intake.rate-limit.requests", () -> "3");
		registry.add("gateway.intake.rate-limit.period", () -> "1m");
		registry.add("gateway.intake.rate-limit.burst", () -> "3");
		registry.add("gateway.client-address.trusted-proxies", () -> "127.0.0.1");
	}

	private static synchronized RedisServer redis() {
		if (redis == null) {
			redis = RedisServer.launch();
		}
		return redis;
	}

	@AfterEach
	void redisRunsAgain() {
		redis().start();
	}

	@Test
	void limitIsKeptInRedis() {
		String client = RateLimitTests.newClient();
		for (int i = 0; i < 3; i++) {
			post(client).expectStatus().isAccepted();
		}
		post(client).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 20))
			.expectBody()
			.jsonPath("$.crisisResources[0].phone")
			.isEqualTo("988");
		assertThat(INTAKE.requests()).hasSize(3);
		assertThat(this.redisTemplate.hasKey(tokensKey(client)).block(Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void redisDownLetsRequestsThroughLimitedInMemoryAndIsCounted() {
		String client = RateLimitTests.newClient();
		double before = storeFailures();
		redis().stop();
		for (int i = 0; i < 3; i++) {
			post(client).expectStatus().isAccepted();
		}
		assertThat(storeFailures()).isGreaterThanOrEqualTo(before + 3);
		assertThat(INTAKE.requests()).hasSize(3);
		// still limited, per instance
		post(client).expectStatus().isEqualTo(429);
	}

	@Test
	void redisBackIsUsedAgain() {
		redis().stop();
		post(RateLimitTests.newClient()).expectStatus().isAccepted();
		redis().start();
		String client = RateLimitTests.newClient();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			post(client).expectStatus().isAccepted();
			assertThat(this.redisTemplate.hasKey(tokensKey(client)).block(Duration.ofSeconds(5))).isTrue();
		});
	}

	private WebTestClient.ResponseSpec post(String client) {
		return this.gateway.post()
			.uri("/api/intake/contact-requests")
			.header("X-Forwarded-For", client)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Sam\"}")
			.exchange();
	}

	private double storeFailures() {
		Counter counter = this.meterRegistry.find("gateway.rate.limit.store.failures").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String tokensKey(String client) {
		return "request_rate_limiter.{intake-contact-requests." + client + "}.tokens";
	}

}
