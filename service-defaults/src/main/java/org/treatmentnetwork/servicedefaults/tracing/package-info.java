/**
 * Tracing for every service: Micrometer Tracing over OpenTelemetry with W3C trace context
 * (the defaults are in {@code ServiceDefaultsEnvironment}), and {@link TraceContexts},
 * which keeps a request's trace across a stored hand-over (the intake outbox, an alert
 * waiting to be paged).
 */
package org.treatmentnetwork.servicedefaults.tracing;
