package org.treatmentnetwork.servicedefaults.health;

import java.time.Duration;
import java.util.Objects;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * MongoDB health by the {@code ping} command: UP when MongoDB answers within the time
 * limit (3 seconds unless told otherwise), DOWN when it fails or does not answer in time.
 * Replaces Boot's indicator, whose {@code hello} command the embedded wire-protocol
 * server of the local stack does not know; {@code ping} works on it and on real MongoDB
 * alike. A service disables Boot's ({@code management.health.mongodb.enabled: false}) and
 * registers this one as a bean, whose name gives the health component's
 * ({@code mongoHealthIndicator} is {@code mongo}).
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

	/** How long a ping may take unless told otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	/**
	 * An indicator with the default time limit.
	 * @param mongo the store to ping
	 */
	public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
		this(mongo, DEFAULT_TIMEOUT);
	}

	/**
	 * An indicator.
	 * @param mongo the store to ping
	 * @param timeout how long the ping may take before the store counts as DOWN
	 */
	public MongoPingHealthIndicator(ReactiveMongoTemplate mongo, Duration timeout) {
		super("MongoDB health check failed");
		this.mongo = Objects.requireNonNull(mongo, "mongo");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.mongo.executeCommand(new Document("ping", 1))
			.timeout(this.timeout)
			.map((answer) -> builder.up().build());
	}

}
