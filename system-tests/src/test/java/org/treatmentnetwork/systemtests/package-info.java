/**
 * System tests: the whole suite as separate processes, driven only through the gateway.
 */
package org.treatmentnetwork.systemtests;
