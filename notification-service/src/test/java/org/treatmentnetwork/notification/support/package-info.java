/**
 * Test infrastructure shared by the test classes.
 */
package org.treatmentnetwork.notification.support;
