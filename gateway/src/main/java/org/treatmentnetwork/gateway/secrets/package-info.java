/**
 * The startup check that keeps development keys and missing secrets out of every
 * environment but the local stack.
 */
package org.treatmentnetwork.gateway.secrets;
