/**
 * What every token is: signed with the configured RSA key (published at
 * {@code /oauth2/jwks}), issued by the configured issuer, for the suite's audience, with
 * the subject and the {@code roles} the gateway and the services read.
 */
package org.treatmentnetwork.identity.tokens;
