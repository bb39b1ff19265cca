/**
 * Consumes intake's contact-request events: opens and resolves alerts.
 */
package org.treatmentnetwork.notification.intake;
