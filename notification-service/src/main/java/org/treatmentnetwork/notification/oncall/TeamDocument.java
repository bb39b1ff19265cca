package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An on-call team and its schedule ({@code teams} collection). A team with a
 * {@code centerId} takes that center's alerts; the default team takes the rest. Dates and
 * times are stored as ISO strings so that they mean the same local values whatever the
 * server's zone.
 *
 * @param id the team key, such as {@code network}
 * @param name the team's display name
 * @param centerId the center the team covers, {@code null} for network-wide
 * @param rotation the step-1 rotation
 * @param overrides cover that replaces the rotation for a while
 * @param supervisorId the supervisor responsible for the team
 */
@Document("teams")
record TeamDocument(@Id String id, String name, String centerId, StoredRotation rotation,
		List<StoredOverride> overrides, String supervisorId) {

	TeamDocument {
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
	}

	Rotation toRotation() {
		return new Rotation(LocalDate.parse(this.rotation.startDate()), LocalTime.parse(this.rotation.handoffTime()),
				ZoneId.of(this.rotation.zone()), this.rotation.shiftDays(), this.rotation.memberIds());
	}

	List<RotationOverride> toOverrides() {
		return this.overrides.stream()
			.map((override) -> new RotationOverride(override.from(), override.until(), override.staffId()))
			.toList();
	}

	ZoneId zone() {
		return ZoneId.of(this.rotation.zone());
	}

	/**
	 * A rotation as stored.
	 *
	 * @param startDate ISO local date of the first shift
	 * @param handoffTime ISO local time of the handoff
	 * @param zone zone id
	 * @param shiftDays days per shift
	 * @param memberIds staff ids in order
	 */
	record StoredRotation(String startDate, String handoffTime, String zone, int shiftDays, List<String> memberIds) {

	}

	/**
	 * An override as stored.
	 *
	 * @param from start, inclusive
	 * @param until end, exclusive
	 * @param staffId who covers
	 */
	record StoredOverride(Instant from, Instant until, String staffId) {

	}

}
