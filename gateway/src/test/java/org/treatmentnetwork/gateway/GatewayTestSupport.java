package org.treatmentnetwork.gateway;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;
import org.treatmentnetwork.gateway.support.RecordedRequest;
import org.treatmentnetwork.gateway.support.StaffTokens;
import org.treatmentnetwork.gateway.support.StubService;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The whole gateway on random ports, in front of three real HTTP services (stubs) and
 * trusting a key generated for the run. The services and the key are created once per
 * JVM, so every subclass shares one application context (subclasses that add a
 * {@code @DynamicPropertySource} get their own). The test-specific settings besides
 * addresses, key and issuer are shorter time limits (content 2.5 s, alerts 2 s, intake 5
 * s, so that an answer after {@link StubService#LATE_ANSWER} is too late for one route
 * and in time for the other, and hanging-service tests stay quick), and a contact-request
 * rate limit high enough never to interfere; the limit itself is tested by
 * {@code RateLimitTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "gateway.time-limits.content=2500ms",
				"gateway.time-limits.intake=5s", "gateway.time-limits.alerts=2s",
				"gateway.intake.rate-limit.requests=100000", "gateway.intake.rate-limit.burst=100000",
				"treatment-network.security.tokens.issuer=" + TestStaffTokens.ISSUER,
				"treatment-network.security.tokens.audience=" + TestStaffTokens.AUDIENCE })
abstract class GatewayTestSupport {

	static final StubService CONTENT = StubService.start("content");

	static final StubService INTAKE = StubService.start("intake");

	static final StubService NOTIFICATION = StubService.start("notification");

	static final StaffTokens TOKENS = StaffTokens.create();

	static final String INTAKE_PHONE = "+1-555-010-0100";

	@DynamicPropertySource
	static void servicesAndKeys(DynamicPropertyRegistry registry) {
		registry.add("CONTENT_SERVICE_URL", CONTENT::baseUrl);
		registry.add("INTAKE_SERVICE_URL", INTAKE::baseUrl);
		registry.add("NOTIFICATION_SERVICE_URL", NOTIFICATION::baseUrl);
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	MeterRegistry meterRegistry;

	WebTestClient gateway;

	WebTestClient management;

	@BeforeEach
	void resetWorld() {
		this.gateway = client(this.port);
		this.management = client(this.managementPort);
		services().forEach((service) -> {
			service.restart();
			service.clear();
		});
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	static Stream<StubService> services() {
		return Stream.of(CONTENT, INTAKE, NOTIFICATION);
	}

	static List<RecordedRequest> allRequests() {
		return services().flatMap((service) -> service.requests().stream()).toList();
	}

	/**
	 * Sends the same content read for this many people at once and waits for every
	 * answer.
	 * @param people how many requests are in flight together
	 * @param behaviour the stub's behaviour for each request
	 * @return the status of every answer
	 */
	List<Integer> concurrentContentReads(int people, String behaviour) {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		return Flux.range(0, people)
			.flatMap(
					(i) -> client.get()
						.uri("/api/content/articles/what-is-moud")
						.header(StubService.BEHAVIOUR, behaviour)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					people)
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	double fallbacks(String route, String cause) {
		Counter counter = this.meterRegistry.find("gateway.fallbacks")
			.tag("route", route)
			.tag("cause", cause)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static WebTestClient client(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}
