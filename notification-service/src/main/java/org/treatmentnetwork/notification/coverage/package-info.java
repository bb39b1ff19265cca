/**
 * Coverage watch: warns supervisors ahead of time when a team will have nobody reachable
 * on call.
 */
package org.treatmentnetwork.notification.coverage;
