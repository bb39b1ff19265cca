/**
 * Paging: claims due alerts, e-mails the person on call and records the outcome.
 */
package org.treatmentnetwork.notification.delivery;
