/**
 * Abuse limits: rate limits per client address and body size in front of the intake form,
 * and deadlines for receiving any request's headers and body.
 */
package org.treatmentnetwork.gateway.limits;
