/**
 * Staff token checks, access rules per route, CORS and security response headers.
 */
package org.treatmentnetwork.gateway.security;
