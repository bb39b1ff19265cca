/**
 * Which instance of a service a request goes to: the instances come from configuration
 * (one URL per instance locally; the Kubernetes Service's name in a cluster, where the
 * cluster balances), requests are spread round-robin over those that are ready, an
 * instance whose readiness fails or that refuses a connection leaves the rotation within
 * a second, and when none is ready every instance is tried, so that the route's retries
 * and fallback still decide what the person gets.
 */
package org.treatmentnetwork.gateway.loadbalancing;
