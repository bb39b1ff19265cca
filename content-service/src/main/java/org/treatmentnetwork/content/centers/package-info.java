/**
 * The network's treatment centers: seeded demo network, search by distance and service.
 */
package org.treatmentnetwork.content.centers;
