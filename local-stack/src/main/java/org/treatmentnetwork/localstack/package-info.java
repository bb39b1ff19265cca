/**
 * Starts the whole suite on one machine without Docker: infrastructure first, then the
 * four services as separate processes, and stops everything it started.
 */
package org.treatmentnetwork.localstack;
