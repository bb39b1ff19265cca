package org.treatmentnetwork.notification.contactmethods;

/**
 * The body of {@code POST /api/on-call/me/contact-methods/confirm}.
 *
 * @param kind the method's kind
 * @param address the method's address, written as for the {@code PUT}
 * @param code the six digits sent to it
 */
record ConfirmationRequest(String kind, String address, String code) {

}
