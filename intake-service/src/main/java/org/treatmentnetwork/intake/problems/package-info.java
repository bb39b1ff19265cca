/**
 * RFC 9457 problem responses for every error the service returns.
 */
package org.treatmentnetwork.intake.problems;
