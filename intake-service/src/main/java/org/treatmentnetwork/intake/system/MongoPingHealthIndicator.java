package org.treatmentnetwork.intake.system;

import java.time.Duration;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by the {@code ping} command. Replaces Boot's indicator, whose
 * {@code hello} command the embedded wire-protocol server of the local stack does not
 * know; {@code ping} works on it and on real MongoDB alike.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final ReactiveMongoTemplate mongo;

	MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
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
