/**
 * One notion of a request's path for every decision the gateway takes on it, and the
 * refusal of paths that are not written in canonical form.
 */
package org.treatmentnetwork.gateway.paths;
