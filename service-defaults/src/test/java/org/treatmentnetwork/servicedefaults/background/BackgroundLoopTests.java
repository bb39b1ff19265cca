package org.treatmentnetwork.servicedefaults.background;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The common loop: rounds on a schedule, a failed round neither stops it nor leaks its
 * message, rounds never overlap, a clean stop, and rounds on demand.
 */
class BackgroundLoopTests {

	private static final Duration INTERVAL = Duration.ofMillis(20);

	private BackgroundLoop loop;

	@AfterEach
	void stop() {
		if (this.loop != null) {
			this.loop.stop();
		}
	}

	@Test
	void runsRoundAfterRound() throws InterruptedException {
		CountDownLatch rounds = new CountDownLatch(3);
		this.loop = new TestLoop(BackgroundLoop.Rounds.SCHEDULED, (scheduled) -> Mono.fromRunnable(rounds::countDown));
		this.loop.start();
		assertThat(rounds.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.loop.isRunning()).isTrue();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aFailedRoundIsCountedLoggedWithoutItsMessageAndTheLoopGoesOn(CapturedOutput output)
			throws InterruptedException {
		AtomicInteger calls = new AtomicInteger();
		CountDownLatch afterFailures = new CountDownLatch(1);
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		this.loop = new TestLoop(BackgroundLoop.Rounds.SCHEDULED, (scheduled) -> switch (calls.incrementAndGet()) {
			case 1 -> Mono.error(new IllegalStateException("Jane Doe, +41 79 000 00 00"));
			case 2 -> throw new IllegalArgumentException("thrown while building the round");
			default -> Mono.fromRunnable(afterFailures::countDown);
		}) {

			@Override
			protected void roundFailed(Throwable failure) {
				failures.add(failure);
			}

		};
		this.loop.start();
		assertThat(afterFailures.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(failures).hasSize(2);
		assertThat(failures.get(0)).isInstanceOf(IllegalStateException.class);
		assertThat(failures.get(1)).isInstanceOf(IllegalArgumentException.class);
		assertThat(output).contains("test round failed: java.lang.IllegalStateException")
			.contains("test round failed: java.lang.IllegalArgumentException")
			.doesNotContain("Jane Doe")
			.doesNotContain("thrown while building");
	}

	@Test
	void roundsNeverOverlapAndRoundsDueMeanwhileAreSkipped() throws InterruptedException {
		AtomicInteger active = new AtomicInteger();
		AtomicInteger mostActive = new AtomicInteger();
		AtomicInteger calls = new AtomicInteger();
		this.loop = new TestLoop(BackgroundLoop.Rounds.SCHEDULED, (scheduled) -> {
			calls.incrementAndGet();
			mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
			return Mono.delay(INTERVAL.multipliedBy(5)).then(Mono.fromRunnable(active::decrementAndGet));
		});
		this.loop.start();
		Thread.sleep(INTERVAL.multipliedBy(20).toMillis());
		this.loop.stop();
		assertThat(mostActive).hasValue(1);
		// 20 intervals with rounds of 5: at most one round per 5 intervals, give or take.
		assertThat(calls.get()).isBetween(2, 6);
	}

	@Test
	void stopCancelsTheRunningRoundAndTheSchedule() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch cancelled = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		this.loop = new TestLoop(BackgroundLoop.Rounds.SCHEDULED, (scheduled) -> {
			calls.incrementAndGet();
			return Mono.never().doOnSubscribe((subscription) -> started.countDown()).doOnCancel(cancelled::countDown);
		});
		this.loop.start();
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		this.loop.destroy();
		assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.loop.isRunning()).isFalse();
		Thread.sleep(INTERVAL.multipliedBy(5).toMillis());
		assertThat(calls).hasValue(1);
	}

	@Test
	void startTwiceRunsOneSchedule() throws InterruptedException {
		AtomicInteger calls = new AtomicInteger();
		this.loop = new TestLoop(Duration.ofHours(1), BackgroundLoop.Rounds.SCHEDULED, (scheduled) -> {
			calls.incrementAndGet();
			return Mono.empty();
		});
		this.loop.start();
		this.loop.start();
		Thread.sleep(INTERVAL.multipliedBy(5).toMillis());
		assertThat(calls).hasValue(1);
	}

	@Test
	void aRoundOnDemandRunsAtOnceAndKnowsItWasNotScheduled() throws InterruptedException {
		List<Boolean> scheduled = new CopyOnWriteArrayList<>();
		CountDownLatch twoRounds = new CountDownLatch(2);
		TestLoop onDemand = new TestLoop(Duration.ofHours(1), BackgroundLoop.Rounds.SCHEDULED_AND_ON_DEMAND,
				(isScheduled) -> Mono.fromRunnable(() -> {
					scheduled.add(isScheduled);
					twoRounds.countDown();
				}));
		this.loop = onDemand;
		this.loop.start();
		Thread.sleep(INTERVAL.toMillis());
		onDemand.runRoundSoon();
		assertThat(twoRounds.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(scheduled).containsExactly(true, false);
	}

	@Test
	void requestsDuringARoundAreNotLostAndRoundsStillNeverOverlap() throws InterruptedException {
		Sinks.One<Void> release = Sinks.one();
		AtomicInteger calls = new AtomicInteger();
		AtomicInteger active = new AtomicInteger();
		AtomicInteger mostActive = new AtomicInteger();
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		TestLoop onDemand = new TestLoop(Duration.ofHours(1), BackgroundLoop.Rounds.SCHEDULED_AND_ON_DEMAND,
				(scheduled) -> {
					mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
					if (calls.incrementAndGet() == 1) {
						firstStarted.countDown();
						return release.asMono().then(Mono.fromRunnable(active::decrementAndGet));
					}
					return Mono.fromRunnable(() -> {
						active.decrementAndGet();
						secondDone.countDown();
					});
				});
		this.loop = onDemand;
		this.loop.start();
		assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 20; i++) {
			onDemand.runRoundSoon();
		}
		release.tryEmitEmpty();
		assertThat(secondDone.await(5, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(INTERVAL.multipliedBy(5).toMillis());
		assertThat(calls.get()).isBetween(2, 21);
		assertThat(mostActive).hasValue(1);
	}

	@Test
	void aScheduledLoopRefusesRoundsOnDemand() {
		TestLoop scheduledOnly = new TestLoop(BackgroundLoop.Rounds.SCHEDULED, (scheduled) -> Mono.empty());
		assertThatIllegalStateException().isThrownBy(scheduledOnly::runRoundSoon).withMessageContaining("test round");
	}

	@Test
	void workAlongsideRunsWhileTheLoopRuns() throws InterruptedException {
		Sinks.Many<String> items = Sinks.many().unicast().onBackpressureBuffer();
		List<String> handled = new CopyOnWriteArrayList<>();
		CountDownLatch one = new CountDownLatch(1);
		this.loop = new TestLoop(Duration.ofHours(1), BackgroundLoop.Rounds.SCHEDULED, (scheduled) -> Mono.empty()) {

			@Override
			protected Flux<?> alongside() {
				return items.asFlux().doOnNext((item) -> {
					handled.add(item);
					one.countDown();
				});
			}

		};
		this.loop.start();
		items.tryEmitNext("first");
		assertThat(one.await(5, TimeUnit.SECONDS)).isTrue();
		this.loop.stop();
		items.tryEmitNext("after stop");
		assertThat(handled).containsExactly("first");
	}

	@Test
	void theIntervalMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TestLoop(Duration.ZERO, Duration.ZERO, BackgroundLoop.Rounds.SCHEDULED,
					(scheduled) -> Mono.empty()))
			.withMessageContaining("interval must be positive");
	}

	@FunctionalInterface
	interface Round {

		Mono<?> run(boolean scheduled);

	}

	static class TestLoop extends BackgroundLoop {

		private final Round round;

		TestLoop(Rounds rounds, Round round) {
			this(Duration.ZERO, INTERVAL, rounds, round);
		}

		TestLoop(Duration interval, Rounds rounds, Round round) {
			this(Duration.ZERO, interval, rounds, round);
		}

		TestLoop(Duration firstRoundAfter, Duration interval, Rounds rounds, Round round) {
			super("test round", firstRoundAfter, interval, rounds);
			this.round = round;
		}

		@Override
		protected Mono<?> runRound(boolean scheduled) {
			return this.round.run(scheduled);
		}

		@Override
		protected void runRoundSoon() {
			super.runRoundSoon();
		}

	}

}
