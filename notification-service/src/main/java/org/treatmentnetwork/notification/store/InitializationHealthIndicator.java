package org.treatmentnetwork.notification.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports {@code OUT_OF_SERVICE} until the store is initialized; part of the readiness
 * group.
 */
@Component
class InitializationHealthIndicator implements HealthIndicator {

	private final StoreInitialization initialization;

	InitializationHealthIndicator(StoreInitialization initialization) {
		this.initialization = initialization;
	}

	@Override
	public Health health() {
		return this.initialization.isReady() ? Health.up().build() : Health.outOfService().build();
	}

}
