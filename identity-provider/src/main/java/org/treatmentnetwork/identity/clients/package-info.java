/**
 * The applications that may ask for tokens: browser clients (authorization code with
 * PKCE, such as the staff console behind the gateway) and machine clients (client
 * credentials).
 */
package org.treatmentnetwork.identity.clients;
