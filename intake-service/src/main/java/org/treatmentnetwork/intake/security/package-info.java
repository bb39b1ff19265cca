/**
 * Bearer-token security: who may submit and read contact requests.
 */
package org.treatmentnetwork.intake.security;
