/**
 * Who may sign in: the staff of the configuration, with their roles.
 */
package org.treatmentnetwork.identity.staff;
