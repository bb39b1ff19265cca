/**
 * RFC 9457 problem+json error responses for every failure the API can report.
 */
package org.treatmentnetwork.content.problems;
