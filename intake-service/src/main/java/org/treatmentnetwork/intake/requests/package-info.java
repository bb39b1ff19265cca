/**
 * Contact requests: submission from the website or the call center, validation, storage
 * and staff reads.
 */
package org.treatmentnetwork.intake.requests;
