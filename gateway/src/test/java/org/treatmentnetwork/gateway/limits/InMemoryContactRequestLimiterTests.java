package org.treatmentnetwork.gateway.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The in-memory token bucket, on a clock the test moves.
 */
class InMemoryContactRequestLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final InMemoryContactRequestLimiter limiter = new InMemoryContactRequestLimiter(
			new IntakeLimitsProperties.RateLimit(10, Duration.ofMinutes(1), 10, Duration.ofMillis(500)), this.now::get);

	@Test
	void aFamilyCanSendTenAtOnceThenWaits() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.limiter.take("198.51.100.7").allowed()).isTrue();
		}
		ContactRequestLimiter.Decision denied = this.limiter.take("198.51.100.7");
		assertThat(denied.allowed()).isFalse();
		assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void allowanceRefillsAtTheConfiguredRate() {
		for (int i = 0; i < 10; i++) {
			this.limiter.take("198.51.100.7");
		}
		advance(Duration.ofSeconds(5));
		ContactRequestLimiter.Decision denied = this.limiter.take("198.51.100.7");
		assertThat(denied.allowed()).isFalse();
		assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(1));
		advance(Duration.ofSeconds(1));
		assertThat(this.limiter.take("198.51.100.7").allowed()).isTrue();
		assertThat(this.limiter.take("198.51.100.7").allowed()).isFalse();
		advance(Duration.ofHours(1));
		for (int i = 0; i < 10; i++) {
			assertThat(this.limiter.take("198.51.100.7").allowed()).isTrue();
		}
		assertThat(this.limiter.take("198.51.100.7").allowed()).isFalse();
	}

	@Test
	void addressesDoNotShare() {
		for (int i = 0; i < 10; i++) {
			this.limiter.take("198.51.100.7");
		}
		assertThat(this.limiter.take("198.51.100.7").allowed()).isFalse();
		assertThat(this.limiter.take("198.51.100.8").allowed()).isTrue();
	}

	@Test
	void idleAddressesAreForgottenWhenManyAreTracked() {
		for (int i = 0; i < 10_001; i++) {
			this.limiter.take("client-" + i);
		}
		assertThat(this.limiter.trackedClients()).isEqualTo(10_001);
		advance(Duration.ofMinutes(2));
		this.limiter.take("one-more");
		assertThat(this.limiter.trackedClients()).isEqualTo(1);
	}

	@Test
	void decisionsArePublishedReactively() {
		StepVerifier.create(this.limiter.acquire("198.51.100.7"))
			.assertNext((decision) -> assertThat(decision.allowed()).isTrue())
			.verifyComplete();
	}

	@Test
	void settingsThatCannotWorkAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new IntakeLimitsProperties.RateLimit(10, Duration.ofMillis(1500), 10, Duration.ofMillis(500)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntakeLimitsProperties.RateLimit(100, Duration.ofSeconds(1), 10, Duration.ZERO));
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
