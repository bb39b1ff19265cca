/**
 * What the gateway answers when a service is down, slow or its circuit is open.
 */
package org.treatmentnetwork.gateway.fallback;
