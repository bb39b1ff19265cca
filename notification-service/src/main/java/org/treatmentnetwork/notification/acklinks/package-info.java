/**
 * One-click acknowledgement links sent in pages: signed tokens and the confirmation page.
 */
package org.treatmentnetwork.notification.acklinks;
