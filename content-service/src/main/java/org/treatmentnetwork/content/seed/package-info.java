/**
 * Idempotent seeding of the packaged content at startup, and the readiness check that
 * waits for it.
 */
package org.treatmentnetwork.content.seed;
