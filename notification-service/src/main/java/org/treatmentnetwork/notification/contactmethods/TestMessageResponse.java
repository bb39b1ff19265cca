package org.treatmentnetwork.notification.contactmethods;

/**
 * The answer to {@code POST /api/on-call/me/contact-methods/test}.
 *
 * @param kind the method's kind
 * @param address the method's address
 * @param result {@code SENT} if the test message was handed over to the channel,
 * {@code NOT_SENT} if the channel failed or is off
 */
record TestMessageResponse(String kind, String address, Delivery result) {

}
