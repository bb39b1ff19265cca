/**
 * Shared test infrastructure.
 */
package org.treatmentnetwork.content.support;
