package org.treatmentnetwork.notification.paginglag;

import java.time.Instant;

/**
 * How far behind paging is, as measured last.
 *
 * @param measuredAt when it was measured
 * @param unpagedAlerts triggered alerts nobody has been paged for yet (counted up to
 * 10,000)
 * @param oldestUnpagedSince when the oldest of them was opened, or {@code null}
 * @param lagSeconds how long it has waited, {@code 0} when none waits
 * @param warning what supervisors should do, when the lag is past the warning threshold
 * or the lag could not be measured; {@code null} otherwise
 */
record PagingLagReport(Instant measuredAt, long unpagedAlerts, Instant oldestUnpagedSince, double lagSeconds,
		String warning) {

}
