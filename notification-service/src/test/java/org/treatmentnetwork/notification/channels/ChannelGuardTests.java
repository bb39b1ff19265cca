package org.treatmentnetwork.notification.channels;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelGuardTests {

	@Test
	void retriesWithBackoffThenFails() {
		ChannelGuard guard = new ChannelGuard("test", settings(3, 100, 10));
		AtomicInteger attempts = new AtomicInteger();

		StepVerifier.create(guard.protect("avery", true, () -> {
			attempts.incrementAndGet();
			return Mono.error(new IllegalStateException("HTTP 500"));
		})).expectError(IllegalStateException.class).verify(Duration.ofSeconds(5));
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aRefusalIsNotRetried() {
		ChannelGuard guard = new ChannelGuard("test", settings(3, 100, 10));
		AtomicInteger attempts = new AtomicInteger();

		StepVerifier.create(guard.protect("avery", true, () -> {
			attempts.incrementAndGet();
			return Mono.error(new PermanentDeliveryException("HTTP 400"));
		})).expectError(PermanentDeliveryException.class).verify(Duration.ofSeconds(5));
		assertThat(attempts).hasValue(1);
	}

	@Test
	void aHangingAttemptTimesOut() {
		ChannelGuard guard = new ChannelGuard("test", settings(1, 100, 10));

		StepVerifier.create(guard.protect("avery", true, Mono::never))
			.expectErrorSatisfies((error) -> assertThat(ChannelGuard.reason(error)).isEqualTo("timed out"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void theCircuitOpensAfterRepeatedFailuresAndStopsCallingTheChannel() {
		ChannelGuard guard = new ChannelGuard("test", settings(1, 100, 100));
		AtomicInteger attempts = new AtomicInteger();
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(guard.protect("avery-" + i, true, () -> {
				attempts.incrementAndGet();
				return Mono.error(new IllegalStateException("HTTP 503"));
			})).expectError().verify(Duration.ofSeconds(5));
		}
		assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);

		StepVerifier.create(guard.protect("riley", true, () -> {
			attempts.incrementAndGet();
			return Mono.empty();
		})).expectError(CallNotPermittedException.class).verify(Duration.ofSeconds(5));
		assertThat(attempts).hasValue(5);
	}

	@Test
	void rePagesCanUseOnlyHalfOfARecipientsLimitSoUrgentPagesStillGoOut() {
		ChannelGuard guard = new ChannelGuard("test", settings(1, 100, 4));

		StepVerifier.create(guard.protect("avery", false, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("avery", false, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("avery", false, Mono::empty))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(RequestNotPermitted.class))
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(guard.protect("avery", true, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("avery", true, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("avery", true, Mono::empty))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(RequestNotPermitted.class))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void anOverallLimitCapsWhatTheChannelSendsToEveryoneTogether() {
		ChannelSettings limited = new ChannelSettings(Duration.ofSeconds(1), 1, Duration.ofMillis(10), 50, 5,
				Duration.ofSeconds(30), 100, Duration.ofMinutes(1), 4);
		ChannelGuard guard = new ChannelGuard("test", limited);

		StepVerifier.create(guard.protect("avery", false, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("jordan", false, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("riley", false, Mono::empty))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(RequestNotPermitted.class))
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(guard.protect("riley", true, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("casey", true, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("drew", true, Mono::empty))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(RequestNotPermitted.class))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void eachRecipientHasARateLimit() {
		ChannelGuard guard = new ChannelGuard("test", settings(1, 100, 2));

		StepVerifier.create(guard.protect("avery", true, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("avery", true, Mono::empty)).verifyComplete();
		StepVerifier.create(guard.protect("avery", true, Mono::empty))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(RequestNotPermitted.class))
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(guard.protect("jordan", true, Mono::empty)).verifyComplete();
	}

	private static ChannelSettings settings(int attempts, long timeoutMillis, int perRecipient) {
		return new ChannelSettings(Duration.ofMillis(timeoutMillis), attempts, Duration.ofMillis(10), 50, 5,
				Duration.ofMinutes(1), perRecipient, Duration.ofMinutes(1), null);
	}

}
