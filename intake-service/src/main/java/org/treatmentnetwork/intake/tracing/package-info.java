/**
 * W3C {@code traceparent} of the request being handled: kept for logs and Kafka headers.
 */
package org.treatmentnetwork.intake.tracing;
