/**
 * Content service: the treatment information, treatment approaches and crisis resources
 * that the public website reads.
 */
package org.treatmentnetwork.content;
