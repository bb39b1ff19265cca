package org.treatmentnetwork.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator answers only on the management port, and only health, info and prometheus.
 */
class ManagementTests extends GatewayTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
			"/actuator/gateway/routes" })
	void actuatorIsNotReachableOnTheMainPort(String path) {
		this.gateway.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" })
	void healthAndProbesAreUpOnTheManagementPort(String path) {
		this.management.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void infoIsExposedWithoutToken() {
		this.management.get().uri("/actuator/info").exchange().expectStatus().isOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/gateway/routes", "/actuator/env", "/actuator/beans", "/api/content/articles",
			"/fallback/alerts" })
	void nothingElseIsServedOnTheManagementPort(String path) {
		this.management.get().uri(path).exchange().expectStatus().isNotFound();
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void prometheusCountsFallbacksPerRoute() {
		this.gateway.get().uri("/fallback/alerts").exchange().expectStatus().isEqualTo(503);
		this.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body)
				.contains("gateway_fallbacks_total{application=\"gateway\",cause=\"none\",route=\"alerts\"}"));
	}

}
