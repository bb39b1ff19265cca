/**
 * Request ids (the W3C trace id of Micrometer Tracing's server observation) for every
 * request, and access logs without personal data.
 */
package org.treatmentnetwork.gateway.tracing;
