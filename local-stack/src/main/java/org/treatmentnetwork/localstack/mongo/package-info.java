/**
 * A MongoDB wire-protocol server backed by H2 on disk, standing in for {@code mongod}.
 */
package org.treatmentnetwork.localstack.mongo;
