package org.treatmentnetwork.intake.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates every {@link RequiredIndexes} at startup (explicitly, not through
 * auto-index-creation), retrying with backoff while MongoDB is unreachable. Reported as
 * the {@code mongoIndexes} health contributor, which is part of the readiness group: the
 * service takes no traffic before, for example, the unique index on references exists.
 */
@Component("mongoIndexesHealthIndicator")
class MongoIndexInitializer
		implements ApplicationListener<ApplicationStartedEvent>, ReactiveHealthIndicator, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MongoIndexInitializer.class);

	private final ReactiveMongoTemplate mongo;

	private final List<RequiredIndexes> required;

	private final AtomicBoolean created = new AtomicBoolean();

	private volatile Disposable creation;

	MongoIndexInitializer(ReactiveMongoTemplate mongo, List<RequiredIndexes> required) {
		this.mongo = mongo;
		this.required = required;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		this.creation = createAll()
			.doOnError((ex) -> log.warn("Creating MongoDB indexes failed, retrying: {}", ex.getClass().getName()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.subscribe((ignored) -> {
			}, (ex) -> log.error("Giving up creating MongoDB indexes", ex), () -> {
				this.created.set(true);
				log.info("MongoDB indexes are in place");
			});
	}

	Mono<Void> createAll() {
		return Flux.fromIterable(this.required)
			.concatMap((spec) -> Flux.fromIterable(spec.indexes())
				.concatMap((index) -> this.mongo.indexOps(spec.collection()).createIndex(index)))
			.then();
	}

	@Override
	public Mono<Health> health() {
		return Mono.just(this.created.get() ? Health.up().build()
				: Health.outOfService().withDetail("reason", "indexes not yet created").build());
	}

	@Override
	public void destroy() {
		Disposable running = this.creation;
		if (running != null) {
			running.dispose();
		}
	}

}
