/**
 * The identity provider: {@code staff} (who may sign in, with which roles),
 * {@code clients} (the applications that may ask for tokens), {@code tokens} (the signing
 * key and the claims every token carries) and {@code security} (the provider's endpoints
 * and its sign-in page).
 */
package org.treatmentnetwork.identity;
