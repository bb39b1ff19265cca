package org.treatmentnetwork.gateway;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beyond the bulkhead's calls in flight (lowered here to 5), a person gets the fallback
 * at once, counted as {@code overloaded}, and the circuit stays closed for everyone else.
 */
@TestPropertySource(properties = "resilience4j.bulkhead.configs.default.max-concurrent-calls=5")
class BulkheadTests extends GatewayTestSupport {

	private static final int PEOPLE = 20;

	@Test
	void aFullBulkheadAnswersWithTheFallbackAndLeavesTheCircuitClosed() {
		double before = fallbacks("content", "overloaded");
		List<Integer> statuses = concurrentContentReads(PEOPLE, "slow");

		long served = statuses.stream().filter((status) -> status == 200).count();
		long turnedAway = statuses.stream().filter((status) -> status == 503).count();
		assertThat(served + turnedAway).isEqualTo(PEOPLE);
		assertThat(served).isPositive();
		assertThat(turnedAway).isPositive();
		assertThat(fallbacks("content", "overloaded")).isEqualTo(before + turnedAway);
		assertThat(this.circuitBreakers.circuitBreaker("content").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.circuitBreakers.circuitBreaker("content").getMetrics().getNumberOfFailedCalls()).isZero();
	}

}
