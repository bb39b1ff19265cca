package org.treatmentnetwork.notification.oncall;

import java.time.Instant;

/**
 * Someone covers the rotation between two instants (a swap, sick cover).
 *
 * @param from start, inclusive
 * @param until end, exclusive
 * @param staffId who is on call instead
 */
record RotationOverride(Instant from, Instant until, String staffId) {

	boolean covers(Instant at) {
		return !at.isBefore(this.from) && at.isBefore(this.until);
	}

}
