package org.treatmentnetwork.notification.delivery;

/**
 * A page ready to send.
 *
 * @param to the recipient's address
 * @param subject the subject
 * @param body the plain-text body
 */
record AlertMessage(String to, String subject, String body) {

}
