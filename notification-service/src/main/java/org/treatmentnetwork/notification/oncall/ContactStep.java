package org.treatmentnetwork.notification.oncall;

import java.time.Duration;

/**
 * One part of how an escalation step reaches each person it pages: a channel and when,
 * counted from the step ("text, then call after 2 minutes if not acknowledged" is
 * {@code SMS} after 0 and {@code VOICE} after 2 minutes). A part is sent unless the alert
 * was acknowledged or resolved by then; a person without a usable method of that kind for
 * the alert's urgency skips it.
 *
 * @param kind the channel
 * @param after when, from the step's start
 */
public record ContactStep(ContactMethod.Kind kind, Duration after) {

}
