/**
 * The trace id forwarded by the gateway, for request-scoped log lines.
 */
package org.treatmentnetwork.content.tracing;
