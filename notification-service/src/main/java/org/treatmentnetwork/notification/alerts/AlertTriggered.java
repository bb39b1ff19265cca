package org.treatmentnetwork.notification.alerts;

/**
 * Published in-process right after a new alert was stored, so paging starts at once
 * instead of on the next poll.
 *
 * @param alertId the new alert's id
 */
public record AlertTriggered(String alertId) {

}
