package org.treatmentnetwork.content.seed;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link Seeder} once the application has started, retrying with backoff until
 * the database answers. Until all of them have succeeded the service reports itself not
 * ready (see {@link SeedHealthIndicator}), so no instance serves an empty catalog.
 */
@Component
class SeedRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

	enum State {

		PENDING, COMPLETE

	}

	private final List<Seeder> seeders;

	private final SeedProperties properties;

	private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);

	private volatile Disposable run;

	SeedRunner(List<Seeder> seeders, SeedProperties properties) {
		this.seeders = List.copyOf(seeders);
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.run = Flux.fromIterable(this.seeders)
			.concatMap(Seeder::seed)
			.doOnNext((report) -> log.info("Seeded {}: {} inserted, {} already present", report.collection(),
					report.inserted(), report.alreadyPresent()))
			.then()
			.retryWhen(Retry.backoff(Long.MAX_VALUE, this.properties.firstBackoff())
				.maxBackoff(this.properties.maxBackoff())
				.doBeforeRetry((signal) -> log.warn("Seeding failed ({}), retry {} with backoff",
						signal.failure().getClass().getSimpleName(), signal.totalRetries() + 1)))
			.subscribe(null, (ex) -> log.error("Seeding stopped; the service stays not ready", ex), () -> {
				this.state.set(State.COMPLETE);
				log.info("Seeding complete; the service is ready");
			});
	}

	State state() {
		return this.state.get();
	}

	@Override
	public void destroy() {
		Disposable current = this.run;
		if (current != null) {
			current.dispose();
		}
	}

}
