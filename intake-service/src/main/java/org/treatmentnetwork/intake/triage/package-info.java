/**
 * Triage of a contact request: urgency, first-contact deadline and crisis resources.
 */
package org.treatmentnetwork.intake.triage;
