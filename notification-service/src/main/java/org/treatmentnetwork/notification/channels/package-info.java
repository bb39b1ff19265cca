/**
 * Channels: sends a page by e-mail, SMS or webhook, each with its timeout, retries,
 * circuit breaker and per-recipient rate limit.
 */
package org.treatmentnetwork.notification.channels;
