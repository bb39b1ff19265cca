package org.treatmentnetwork.gateway;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many people at once, each waiting on a slow service, are all answered by the service:
 * the gateway neither turns them away nor opens the circuit because of the crowd alone.
 * The content time limit is the gateway's usual 3 s here, so that a busy test machine
 * does not turn the crowd's wait into time-outs; the time limit is tested in
 * {@code ResilienceTests}.
 */
@TestPropertySource(properties = "gateway.time-limits.content=3s")
class ConcurrencyTests extends GatewayTestSupport {

	private static final int PEOPLE = 100;

	@Test
	void aHundredConcurrentReadsOfASlowServiceAreAllServed() {
		List<Integer> statuses = concurrentContentReads(PEOPLE, "slow");

		assertThat(statuses).hasSize(PEOPLE).containsOnly(200);
		assertThat(CONTENT.requests()).hasSize(PEOPLE);
		assertThat(this.circuitBreakers.circuitBreaker("content").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

}
