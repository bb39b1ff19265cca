/**
 * Infrastructure shared by the features: clock, MongoDB client timeouts, indexes and
 * health.
 */
package org.treatmentnetwork.intake.system;
