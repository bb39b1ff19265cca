package org.treatmentnetwork.notification.store;

import java.time.Duration;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether MongoDB answers a {@code ping}. Replaces Boot's MongoDB indicator, which sends
 * {@code hello}, a command the embedded wire-protocol server of the local stack does not
 * know; {@code ping} works on both that server and real MongoDB.
 */
@Component
class StoreHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final ReactiveMongoTemplate mongo;

	StoreHealthIndicator(ReactiveMongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.mongo.executeCommand(new Document("ping", 1))
			.timeout(TIMEOUT)
			.map((answer) -> builder.up().build());
	}

}
