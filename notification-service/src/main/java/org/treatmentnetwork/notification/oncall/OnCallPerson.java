package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The person to page for an alert.
 *
 * @param teamId the team whose rotation chose them
 * @param staffId their staff id
 * @param displayName their display name
 * @param email their e-mail address
 * @param zone the team's zone, for showing times
 * @param since start of their shift
 * @param until end of their shift
 */
public record OnCallPerson(String teamId, String staffId, String displayName, String email, ZoneId zone, Instant since,
		Instant until) {

}
