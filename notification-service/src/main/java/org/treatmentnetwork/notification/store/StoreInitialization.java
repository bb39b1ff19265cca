package org.treatmentnetwork.notification.store;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StoreInitializer} in order when the application starts, retrying with
 * backoff while the store is unreachable, then publishes {@link StoreReadyEvent}. Until
 * then the service reports itself not ready.
 */
@Component
class StoreInitialization implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StoreInitialization.class);

	private final List<StoreInitializer> initializers;

	private final ApplicationEventPublisher events;

	private volatile boolean ready;

	private volatile Disposable subscription;

	private volatile boolean running;

	StoreInitialization(List<StoreInitializer> initializers, ApplicationEventPublisher events) {
		this.initializers = initializers;
		this.events = events;
	}

	boolean isReady() {
		return this.ready;
	}

	@Override
	public void start() {
		this.running = true;
		this.subscription = Flux.fromIterable(this.initializers)
			.concatMap(StoreInitializer::initialize)
			.then()
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
				.maxBackoff(Duration.ofSeconds(30))
				.doBeforeRetry((signal) -> log.warn("Store initialization failed (attempt {}), retrying: {}",
						signal.totalRetries() + 1, signal.failure().toString())))
			.publishOn(Schedulers.boundedElastic())
			.subscribe(null, (error) -> log.error("Store initialization gave up", error), this::completed);
	}

	private void completed() {
		log.info("Store initialized: indexes and seed data are in place");
		this.ready = true;
		this.events.publishEvent(new StoreReadyEvent());
	}

	@Override
	public void stop() {
		this.running = false;
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
