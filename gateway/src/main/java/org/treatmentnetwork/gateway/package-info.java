/**
 * The suite's front door: routes, staff token checks and fallbacks for the public
 * website, the intake call center and on-call staff.
 */
package org.treatmentnetwork.gateway;
