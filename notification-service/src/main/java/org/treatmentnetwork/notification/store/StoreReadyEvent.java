package org.treatmentnetwork.notification.store;

/**
 * Published once every {@link StoreInitializer} has completed.
 */
public record StoreReadyEvent() {

}
