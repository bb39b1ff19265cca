/**
 * Transactional outbox kept in each contact request's document and its relay to Kafka.
 */
package org.treatmentnetwork.intake.outbox;
