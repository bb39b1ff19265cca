/**
 * The provider's endpoints (authorization, token, JWK set, discovery, user info,
 * sign-out) and its sign-in page; health for the launcher's readiness check.
 */
package org.treatmentnetwork.identity.security;
