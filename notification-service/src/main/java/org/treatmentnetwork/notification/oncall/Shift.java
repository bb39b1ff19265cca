package org.treatmentnetwork.notification.oncall;

import java.time.Instant;

/**
 * Who is on call, from when until when.
 *
 * @param staffId the staff member
 * @param since start of the shift, inclusive
 * @param until end of the shift, exclusive
 */
record Shift(String staffId, Instant since, Instant until) {

}
