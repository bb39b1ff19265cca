package org.treatmentnetwork.gateway;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.support.StubService;
import reactor.core.publisher.Flux;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many people at once, each waiting on a slow service, are all answered by the service:
 * the gateway neither turns them away nor opens the circuit because of the crowd alone.
 */
class ConcurrencyTests extends GatewayTestSupport {

	private static final int PEOPLE = 100;

	@Test
	void aHundredConcurrentReadsOfASlowServiceAreAllServed() {
		WebClient client = WebClient.create("http://localhost:" + this.port);

		List<Integer> statuses = Flux.range(0, PEOPLE)
			.flatMap(
					(i) -> client.get()
						.uri("/api/content/articles/what-is-moud")
						.header(StubService.BEHAVIOUR, "slow")
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					PEOPLE)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(statuses).hasSize(PEOPLE).containsOnly(200);
		assertThat(CONTENT.requests()).hasSize(PEOPLE);
		assertThat(this.circuitBreakers.circuitBreaker("content").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

}
