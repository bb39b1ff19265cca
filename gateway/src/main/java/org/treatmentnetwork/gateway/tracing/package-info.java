/**
 * Request ids and W3C trace context for every request, and access logs without personal
 * data.
 */
package org.treatmentnetwork.gateway.tracing;
