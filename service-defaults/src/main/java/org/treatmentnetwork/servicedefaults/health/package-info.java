/**
 * Health indicators every service with a store needs the same way:
 * {@link org.treatmentnetwork.servicedefaults.health.MongoPingHealthIndicator} asks
 * MongoDB for a {@code ping} within a time limit. A service registers it under the name
 * its readiness group includes.
 */
package org.treatmentnetwork.servicedefaults.health;
