package org.treatmentnetwork.notification.contactmethods;

/**
 * One of the caller's contact methods, by kind and address: the body of
 * {@code POST /api/on-call/me/contact-methods/code} and {@code …/test}.
 *
 * @param kind the kind
 * @param address the address, written as for the {@code PUT}
 */
record MethodReference(String kind, String address) {

}
