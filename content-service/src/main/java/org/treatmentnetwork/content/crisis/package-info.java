/**
 * Crisis lines served from configuration in memory, so they answer even when the database
 * is down.
 */
package org.treatmentnetwork.content.crisis;
