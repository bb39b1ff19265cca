package org.treatmentnetwork.notification.alerts;

import java.time.Instant;

/**
 * The triggered alerts nobody has been paged for yet.
 *
 * @param count how many
 * @param oldestCreatedAt when the oldest of them was opened, or {@code null} when none
 */
public record UnpagedAlerts(long count, Instant oldestCreatedAt) {

}
