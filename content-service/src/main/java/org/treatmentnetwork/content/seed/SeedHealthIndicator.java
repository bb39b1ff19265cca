package org.treatmentnetwork.content.seed;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code seed} health contributor, part of the readiness group: {@code UP} once the
 * packaged content is in the database, {@code OUT_OF_SERVICE} before.
 */
@Component
class SeedHealthIndicator implements ReactiveHealthIndicator {

	private final SeedRunner runner;

	SeedHealthIndicator(SeedRunner runner) {
		this.runner = runner;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> (this.runner.state() == SeedRunner.State.COMPLETE) ? Health.up().build()
				: Health.outOfService().build());
	}

}
