package org.treatmentnetwork.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.support.StubService;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the content and intake services behind the gateway, each a real HTTP
 * server: requests are spread over both; an instance that stops is avoided, and the read
 * or contact request it refused goes to the other one; an instance whose readiness fails
 * leaves the rotation within seconds and comes back when it passes again; when neither is
 * ready, both are still tried rather than nobody.
 */
class LoadBalancingTests extends GatewayTestSupport {

	static final StubService CONTENT_2 = StubService.start("content-2");

	static final StubService INTAKE_2 = StubService.start("intake-2");

	private static final String CONTACT_REQUEST = "{\"name\":\"Sam\",\"phone\":\"+1 555 010 0199\"}";

	@DynamicPropertySource
	static void twoInstances(DynamicPropertyRegistry registry) {
		// as CONTENT_SERVICE_URL and INTAKE_SERVICE_URL would give them, comma-separated
		registry.add("gateway.load-balancing.services.content-service",
				() -> CONTENT.baseUrl() + "," + CONTENT_2.baseUrl());
		registry.add("gateway.load-balancing.services.intake-service",
				() -> INTAKE.baseUrl() + "," + INTAKE_2.baseUrl());
	}

	@BeforeEach
	void bothInstancesUp() {
		for (StubService service : List.of(CONTENT, CONTENT_2, INTAKE, INTAKE_2)) {
			service.restart();
			service.ready(true);
			service.clear();
		}
		awaitInRotation("content-service", 2);
		awaitInRotation("intake-service", 2);
	}

	@Test
	void readsAreSpreadOverBothInstances() {
		List<String> servedBy = reads(10);
		assertThat(servedBy).containsOnly("content", "content-2");
		assertThat(CONTENT.requests()).hasSize(5);
		assertThat(CONTENT_2.requests()).hasSize(5);
	}

	@Test
	void aStoppedInstanceIsAvoidedAndTheReadItRefusedIsAnsweredByTheOther() {
		CONTENT_2.stop();
		List<String> servedBy = reads(10);
		assertThat(servedBy).hasSize(10).containsOnly("content");
		assertThat(CONTENT.requests()).hasSize(10);
		assertThat(gauge("content-service")).isEqualTo(1);
	}

	@Test
	void aContactRequestRefusedByAStoppedInstanceIsStoredByTheOtherOnce() {
		INTAKE_2.stop();
		for (int i = 0; i < 6; i++) {
			this.gateway.post()
				.uri("/api/intake/contact-requests")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(CONTACT_REQUEST)
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectHeader()
				.valueEquals("X-Served-By", "intake");
		}
		// each request reached the live instance exactly once
		assertThat(INTAKE.requests()).hasSize(6).allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.body()).isEqualTo(CONTACT_REQUEST);
		});
		assertThat(INTAKE_2.requests()).isEmpty();
	}

	@Test
	void aContactRequestAnsweredWithAnErrorIsNeverSentTwice() {
		this.gateway.post()
			.uri("/api/intake/contact-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.header(StubService.BEHAVIOUR, "fail")
			.bodyValue(CONTACT_REQUEST)
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(INTAKE.requests().size() + INTAKE_2.requests().size()).isEqualTo(1);
	}

	@Test
	void anInstanceThatIsNotReadyLeavesTheRotationWithinSecondsAndComesBack() {
		CONTENT_2.ready(false);
		awaitInRotation("content-service", 1);
		assertThat(reads(6)).containsOnly("content");
		assertThat(CONTENT_2.requests()).isEmpty();

		CONTENT_2.ready(true);
		awaitInRotation("content-service", 2);
		assertThat(reads(6)).contains("content-2");
	}

	@Test
	void whenNoInstanceIsReadyBothAreStillTried() {
		CONTENT.ready(false);
		CONTENT_2.ready(false);
		// give the checks time to see both fail
		sleep(Duration.ofMillis(2500));
		assertThat(reads(4)).containsOnly("content", "content-2");
	}

	private List<String> reads(int count) {
		List<String> servedBy = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			EntityExchangeResult<byte[]> result = this.gateway.get()
				.uri("/api/content/articles/what-is-moud")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult();
			servedBy.add(result.getResponseHeaders().getFirst("X-Served-By"));
		}
		return servedBy;
	}

	private void awaitInRotation(String service, int expected) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (gauge(service) != expected) {
			assertThat(Instant.now()).as("%s with %d instances in rotation (now %d)", service, expected, gauge(service))
				.isBefore(deadline);
			sleep(Duration.ofMillis(100));
		}
	}

	private int gauge(String service) {
		Gauge gauge = this.meterRegistry.find("gateway.instances.in-rotation").tag("service", service).gauge();
		assertThat(gauge).as("gauge for %s", service).isNotNull();
		return (int) gauge.value();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
