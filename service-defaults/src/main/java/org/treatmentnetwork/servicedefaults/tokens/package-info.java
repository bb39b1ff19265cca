/**
 * The checks a staff bearer token must pass in every service and in the gateway, besides
 * its signature: issuer, audience, {@code exp} required, {@code nbf}, the maximum
 * lifetime and a non-blank {@code sub}. A service imports
 * {@link org.treatmentnetwork.servicedefaults.tokens.StaffTokenValidation} into its
 * security configuration and maps the {@code STAFF_TOKEN_*} variables in its
 * {@code application.yml}.
 */
package org.treatmentnetwork.servicedefaults.tokens;
