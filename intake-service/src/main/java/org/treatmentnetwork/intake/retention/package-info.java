/**
 * Retention: erasing the personal data of finished requests, and forgetting expired
 * idempotency keys.
 */
package org.treatmentnetwork.intake.retention;
