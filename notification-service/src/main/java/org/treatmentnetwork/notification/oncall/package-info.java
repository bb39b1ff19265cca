/**
 * On-call teams, staff and rotations, and who is on call at a given instant.
 */
package org.treatmentnetwork.notification.oncall;
