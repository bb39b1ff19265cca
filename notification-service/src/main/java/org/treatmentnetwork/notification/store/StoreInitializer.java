package org.treatmentnetwork.notification.store;

import reactor.core.publisher.Mono;

/**
 * A step that must complete before the service consumes events or pages anyone, such as
 * creating an index. Steps must be idempotent: they run at every start and are retried
 * until they succeed.
 */
public interface StoreInitializer {

	/**
	 * Run the step.
	 * @return completes when the step is done
	 */
	Mono<Void> initialize();

}
