/**
 * Real local HTTP services and signed staff tokens for the gateway's tests.
 */
package org.treatmentnetwork.gateway.support;
