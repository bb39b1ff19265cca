package org.treatmentnetwork.content.seed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service reports itself ready only after every seeder has succeeded, retrying while
 * the database is unreachable.
 */
class SeedRunnerTests {

	private static final SeedProperties FAST_RETRIES = new SeedProperties(Duration.ofMillis(10), Duration.ofMillis(50));

	private SeedRunner runner;

	@AfterEach
	void stop() {
		if (this.runner != null) {
			this.runner.destroy();
		}
	}

	@Test
	void notReadyUntilEverySeederHasFinished() {
		Sinks.One<SeedReport> articles = Sinks.one();
		Seeder approaches = () -> Mono.just(new SeedReport("treatment_approaches", 6, 0));
		this.runner = new SeedRunner(List.of(approaches, articles::asMono), FAST_RETRIES);
		SeedHealthIndicator health = new SeedHealthIndicator(this.runner);

		this.runner.start();

		StepVerifier.create(health.health())
			.assertNext((h) -> assertThat(h.getStatus()).isEqualTo(Status.OUT_OF_SERVICE))
			.verifyComplete();

		articles.tryEmitValue(new SeedReport("articles", 5, 0));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> StepVerifier.create(health.health())
				.assertNext((h) -> assertThat(h.getStatus()).isEqualTo(Status.UP))
				.verifyComplete());
	}

	@Test
	void retriesWhileTheDatabaseIsUnavailable() {
		AtomicInteger attempts = new AtomicInteger();
		Seeder flaky = () -> Mono.defer(() -> (attempts.incrementAndGet() < 3)
				? Mono.error(new DataAccessResourceFailureException("not reachable"))
				: Mono.just(new SeedReport("articles", 5, 0)));
		this.runner = new SeedRunner(List.of(flaky), FAST_RETRIES);

		this.runner.start();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.runner.state() == SeedRunner.State.COMPLETE);
		assertThat(attempts).hasValue(3);
	}

}
