package org.treatmentnetwork.notification.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Changes of alerts as a stream, for staff screens. One poll of the {@code updatedAt}
 * index per interval is shared by every subscriber of this instance, and because it reads
 * the database it sees changes made by every instance (no change streams needed, which
 * the embedded MongoDB server lacks). A failed poll is logged and the next one continues
 * from the same point.
 */
@Component
class AlertStream {

	private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

	private static final int BATCH = 200;

	private final Flux<AlertDocument> changes;

	AlertStream(Alerts alerts, Clock clock, AlertStreamProperties properties) {
		this.changes = Flux.defer(() -> {
			AtomicReference<Instant> cursor = new AtomicReference<>(clock.instant());
			return Flux.interval(properties.pollInterval())
				.onBackpressureDrop()
				.concatMap((tick) -> alerts.changedAfter(cursor.get(), BATCH).doOnNext((alert) -> {
					if (alert.updatedAt() != null && alert.updatedAt().isAfter(cursor.get())) {
						cursor.set(alert.updatedAt());
					}
				}).onErrorResume((ex) -> {
					log.warn("Alert stream poll failed, retrying on the next tick: {}", ex.toString());
					return Mono.empty();
				}), 1);
		}).publish().refCount();
	}

	/**
	 * Alerts as they change from now on.
	 * @return the changes, never completing
	 */
	Flux<AlertDocument> changes() {
		return this.changes;
	}

	static Duration heartbeat() {
		return Duration.ofSeconds(15);
	}

}
