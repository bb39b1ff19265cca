/**
 * The treatment approaches (detox, medication, therapy, peer support, holistic recovery,
 * professional help).
 */
package org.treatmentnetwork.content.approaches;
