/**
 * Work a service does in the background, round after round:
 * {@link org.treatmentnetwork.servicedefaults.background.BackgroundLoop} runs a round
 * every interval, never two at once, logs a failed round without its message (which may
 * quote stored data) and goes on, and stops on shutdown. A service's component extends it
 * and says when it starts: on its own event, or as a {@code SmartLifecycle}.
 */
package org.treatmentnetwork.servicedefaults.background;
