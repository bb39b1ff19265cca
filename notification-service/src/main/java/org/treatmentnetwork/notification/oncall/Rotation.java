package org.treatmentnetwork.notification.oncall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A rotation: starting on {@code startDate} at {@code handoffTime} (local time in
 * {@code zone}), each member in order is on call for {@code shiftDays} days, then the
 * next one takes over at the same local time.
 *
 * @param startDate the local date of the first shift
 * @param handoffTime the local time shifts change
 * @param zone the zone the dates and times are in
 * @param shiftDays how many days a shift lasts
 * @param memberIds staff ids in rotation order
 */
record Rotation(LocalDate startDate, LocalTime handoffTime, ZoneId zone, int shiftDays, List<String> memberIds) {

	Rotation {
		if (shiftDays < 1) {
			throw new IllegalArgumentException("A shift lasts at least one day");
		}
		memberIds = List.copyOf(memberIds);
	}

}
