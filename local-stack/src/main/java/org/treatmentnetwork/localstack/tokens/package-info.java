/**
 * The development signing key of the local stack and the staff tokens signed with it.
 */
package org.treatmentnetwork.localstack.tokens;
