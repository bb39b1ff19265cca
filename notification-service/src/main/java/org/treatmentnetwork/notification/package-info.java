/**
 * Notification service: alerts, on-call schedules and paging of recovery staff.
 */
package org.treatmentnetwork.notification;
