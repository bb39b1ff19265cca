/**
 * Paging: runs escalation policies on claimed alerts, delivers pages through e-mail, SMS
 * and webhook channels with timeouts, retries, circuit breakers and rate limits, and
 * warns supervisors of coverage gaps.
 */
package org.treatmentnetwork.notification.delivery;
