package org.treatmentnetwork.gateway.fallback;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback answers on their own: their bodies, headers and how they are counted.
 */
class FallbackControllerTests {

	private static final String PHONE = "+1-555-010-0199";

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final HelpProperties help = new HelpProperties(PHONE, List.of(
			new CrisisResource("988 Suicide & Crisis Lifeline", "988", "988", "https://988lifeline.org", "24/7"),
			new CrisisResource("Emergency", "911", null, null, "24/7")), Duration.ofSeconds(45));

	@Test
	void contentFallbackPointsToIntakePhoneAndCrisisLines() {
		client(null).get()
			.uri("/fallback/content")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "45")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/service-unavailable")
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.title")
			.isEqualTo("Treatment information temporarily unavailable")
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(PHONE).contains("911"))
			.jsonPath("$.intakePhone")
			.isEqualTo(PHONE)
			.jsonPath("$.crisisResources.length()")
			.isEqualTo(2)
			.jsonPath("$.crisisResources[0].name")
			.isEqualTo("988 Suicide & Crisis Lifeline")
			.jsonPath("$.crisisResources[0].sms")
			.isEqualTo("988")
			.jsonPath("$.crisisResources[1].sms")
			.doesNotExist();
	}

	@Test
	void intakeFallbackAnswersEveryMethodAndTellsThePersonToCall() {
		client(null).post()
			.uri("/fallback/intake")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Sam\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class,
					(detail) -> assertThat(detail).contains("call our intake team at " + PHONE).doesNotContain("Sam"))
			.jsonPath("$.intakePhone")
			.isEqualTo(PHONE)
			.jsonPath("$.crisisResources[0].phone")
			.isEqualTo("988");
	}

	@Test
	void alertsFallbackIsForStaff() {
		client(null).get()
			.uri("/fallback/alerts")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Alerts temporarily unavailable")
			.jsonPath("$.detail")
			.isNotEmpty()
			.jsonPath("$.intakePhone")
			.doesNotExist()
			.jsonPath("$.crisisResources")
			.doesNotExist();
	}

	static Stream<Arguments> failures() {
		return Stream.of(Arguments.of(null, "none"),
				Arguments.of(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("c")),
						"circuit-open"),
				Arguments.of(new TimeoutException(), "timeout"),
				Arguments.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT), "timeout"),
				Arguments.of(new ResponseStatusException(HttpStatus.BAD_GATEWAY), "service-error"), Arguments
					.of(new IllegalStateException("retries exhausted", new ConnectException("refused")), "unreachable"),
				Arguments.of(new IllegalArgumentException("boom"), "error"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("failures")
	void everyFallbackIsCountedByRouteAndCause(Throwable failure, String cause) {
		client(failure).get()
			.uri("/fallback/intake")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		Counter counter = this.meterRegistry.find("gateway.fallbacks")
			.tag("route", "intake")
			.tag("cause", cause)
			.counter();
		assertThat(counter).isNotNull();
		assertThat(counter.count()).isEqualTo(1);
		assertThat(this.meterRegistry.find("gateway.fallbacks").counters()).hasSize(1);
	}

	private WebTestClient client(Throwable failure) {
		return WebTestClient.bindToController(new FallbackController(this.help, this.meterRegistry))
			.webFilter((exchange, chain) -> {
				if (failure != null) {
					exchange.getAttributes()
						.put(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR, failure);
				}
				return chain.filter(exchange);
			})
			.build();
	}

}
