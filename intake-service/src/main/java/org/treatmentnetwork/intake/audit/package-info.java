/**
 * Audit log of staff access to personal data.
 */
package org.treatmentnetwork.intake.audit;
