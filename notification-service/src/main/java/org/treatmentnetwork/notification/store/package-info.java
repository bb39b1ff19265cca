/**
 * The store: client timeouts, and its preparation (indexes, seed data) before the service
 * consumes events, pages or reports ready.
 */
package org.treatmentnetwork.notification.store;
