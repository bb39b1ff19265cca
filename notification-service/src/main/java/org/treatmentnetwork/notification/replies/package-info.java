/**
 * Answers to pages without opening a link: a text reply ({@code 1}, {@code ACK},
 * {@code ACK 4821}, {@code ESC}) and a key pressed during a call (1 acknowledges, 2
 * escalates). A reply acts only on alerts texted or called to the person whose number it
 * comes from.
 */
package org.treatmentnetwork.notification.replies;
