/**
 * Kafka plumbing the services on Kafka share.
 */
package org.treatmentnetwork.servicedefaults.kafka;
