package org.treatmentnetwork.content.seed;

import reactor.core.publisher.Mono;

/**
 * One kind of packaged content that must be in the database before the service is ready.
 * Implementations create the indexes they rely on and insert only what is missing, so
 * running them again, or on several instances at once, changes nothing.
 */
public interface Seeder {

	/**
	 * Ensure indexes and insert missing seed items.
	 * @return what was inserted and what was already present
	 */
	Mono<SeedReport> seed();

}
