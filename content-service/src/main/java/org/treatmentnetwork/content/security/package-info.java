/**
 * Staff bearer-token security: public reads, EDITOR for everything editorial,
 * problem+json 401 and 403.
 */
package org.treatmentnetwork.content.security;
