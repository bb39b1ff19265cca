/**
 * Configuration and one-time storage formatting of the real Apache Kafka broker in KRaft
 * mode.
 */
package org.treatmentnetwork.localstack.kafka;
