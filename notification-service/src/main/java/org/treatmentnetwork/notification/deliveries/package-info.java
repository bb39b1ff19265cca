/**
 * Deliveries: every text and call a page sent through the provider, what its receipts
 * said, and what they cause: a text not delivered or a call not answered counts as no
 * answer, so the person's next contact method is tried, and when nobody paged at the step
 * is left to try, the escalation goes on at once.
 */
package org.treatmentnetwork.notification.deliveries;
