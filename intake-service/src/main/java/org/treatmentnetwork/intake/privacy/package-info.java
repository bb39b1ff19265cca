/**
 * Personal data at rest: AES-GCM encryption with rotatable keys, and keyed hashes for
 * look-ups.
 */
package org.treatmentnetwork.intake.privacy;
