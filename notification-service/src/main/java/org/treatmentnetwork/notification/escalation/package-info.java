/**
 * Escalation: claims due alerts and runs their team's escalation policy, paging each step
 * through the channels, reminding acknowledgers of overdue first contacts and telling the
 * people paged when the person reached out again.
 */
package org.treatmentnetwork.notification.escalation;
