/**
 * Staff authentication: bearer JWTs with roles, problem responses for 401 and 403.
 */
package org.treatmentnetwork.notification.security;
