/**
 * On-call teams, staff and their contact methods, rotations, overrides and escalation
 * policies; who is on call at a given instant; schedules read and changed over the API.
 */
package org.treatmentnetwork.notification.oncall;
