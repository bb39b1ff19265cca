/**
 * Contact methods that on-call staff manage themselves: their own list in paging order,
 * the confirmation of a new method by a code sent to it, test messages, and a team's
 * methods, masked, for its supervisors.
 */
package org.treatmentnetwork.notification.contactmethods;
