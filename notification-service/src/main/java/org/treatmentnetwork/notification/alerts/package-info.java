/**
 * Alerts: one per contact request, with their state and timeline, and the staff API to
 * read and acknowledge them.
 */
package org.treatmentnetwork.notification.alerts;
