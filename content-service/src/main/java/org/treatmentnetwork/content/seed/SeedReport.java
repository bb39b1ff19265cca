package org.treatmentnetwork.content.seed;

/**
 * The outcome of one {@link Seeder} run.
 *
 * @param collection the collection that was seeded
 * @param inserted how many seed items were inserted
 * @param alreadyPresent how many were already there and left untouched
 */
public record SeedReport(String collection, int inserted, int alreadyPresent) {

}
