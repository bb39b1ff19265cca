/**
 * The call center's pipeline: the queue, claims, status moves and notes.
 */
package org.treatmentnetwork.intake.pipeline;
