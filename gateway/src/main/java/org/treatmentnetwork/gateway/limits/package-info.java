/**
 * Abuse limits in front of the intake form: rate limits per client address and body size.
 */
package org.treatmentnetwork.gateway.limits;
