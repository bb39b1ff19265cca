package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes who is on call at an instant. Shift boundaries are computed in the rotation's
 * zone, so a handoff stays at the same local time across daylight-saving changes (the
 * shift spanning the change is an hour shorter or longer). A handoff time that does not
 * exist on a spring-forward day moves forward by the gap, as {@link ZonedDateTime} does.
 * Before the rotation's start the order is extended backwards.
 */
final class OnCallResolver {

	/**
	 * Who is on call at {@code at}.
	 * @param rotation the rotation
	 * @param overrides overrides; the latest-starting one covering {@code at} wins
	 * @param at the instant
	 * @return the shift covering {@code at}, or empty if the rotation has no members and
	 * no override applies
	 */
	Optional<Shift> onCallAt(Rotation rotation, List<RotationOverride> overrides, Instant at) {
		Optional<Shift> override = overrides.stream()
			.filter((candidate) -> candidate.covers(at))
			.max(Comparator.comparing(RotationOverride::from))
			.map((chosen) -> new Shift(chosen.staffId(), chosen.from(), chosen.until()));
		if (override.isPresent() || rotation.memberIds().isEmpty()) {
			return override;
		}
		LocalDate shiftDay = at.atZone(rotation.zone()).toLocalDate();
		if (at.isBefore(handoff(rotation, shiftDay))) {
			shiftDay = shiftDay.minusDays(1);
		}
		long shiftIndex = Math.floorDiv(ChronoUnit.DAYS.between(rotation.startDate(), shiftDay), rotation.shiftDays());
		LocalDate shiftStart = rotation.startDate().plusDays(shiftIndex * rotation.shiftDays());
		int member = (int) Math.floorMod(shiftIndex, (long) rotation.memberIds().size());
		return Optional.of(new Shift(rotation.memberIds().get(member), handoff(rotation, shiftStart),
				handoff(rotation, shiftStart.plusDays(rotation.shiftDays()))));
	}

	private static Instant handoff(Rotation rotation, LocalDate day) {
		return ZonedDateTime.of(day, rotation.handoffTime(), rotation.zone()).toInstant();
	}

}
