package org.treatmentnetwork.notification.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OnCallResolverTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private final OnCallResolver resolver = new OnCallResolver();

	// Monday 5 January 2026, 08:00 in New York: avery's first shift starts.
	private final Rotation daily = new Rotation(LocalDate.of(2026, 1, 5), LocalTime.of(8, 0), NEW_YORK, 1,
			List.of("avery", "jordan", "riley"));

	@Test
	void firstMemberIsOnCallFromTheRotationStart() {
		Shift shift = onCall(daily, at(2026, 1, 5, 8, 0));

		assertThat(shift.staffId()).isEqualTo("avery");
		assertThat(shift.since()).isEqualTo(at(2026, 1, 5, 8, 0));
		assertThat(shift.until()).isEqualTo(at(2026, 1, 6, 8, 0));
	}

	@Test
	void handoffHappensAtTheHandoffTimeNotAtMidnight() {
		assertThat(onCall(daily, at(2026, 1, 6, 7, 59)).staffId()).isEqualTo("avery");
		assertThat(onCall(daily, at(2026, 1, 6, 8, 0)).staffId()).isEqualTo("jordan");
		assertThat(onCall(daily, at(2026, 1, 7, 23, 30)).staffId()).isEqualTo("riley");
		assertThat(onCall(daily, at(2026, 1, 8, 8, 0)).staffId()).isEqualTo("avery");
	}

	@Test
	void handoffStaysAtEightLocalAcrossSpringForward() {
		// DST starts Sunday 8 March 2026 at 02:00 in New York: that shift lasts 23 hours.
		Shift spanning = onCall(daily, at(2026, 3, 8, 3, 30));

		assertThat(spanning.since()).isEqualTo(at(2026, 3, 7, 8, 0));
		assertThat(spanning.until()).isEqualTo(at(2026, 3, 8, 8, 0));
		assertThat(Duration.between(spanning.since(), spanning.until())).isEqualTo(Duration.ofHours(23));
		assertThat(spanning.until().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
		Shift next = onCall(daily, spanning.until());
		assertThat(next.staffId()).isNotEqualTo(spanning.staffId());
		assertThat(onCall(daily, spanning.until().minusMillis(1)).staffId()).isEqualTo(spanning.staffId());
	}

	@Test
	void handoffStaysAtEightLocalAcrossFallBack() {
		// DST ends Sunday 1 November 2026 at 02:00 in New York: that shift lasts 25
		// hours.
		Shift spanning = onCall(daily, at(2026, 11, 1, 1, 30));

		assertThat(Duration.between(spanning.since(), spanning.until())).isEqualTo(Duration.ofHours(25));
		assertThat(spanning.until()).isEqualTo(at(2026, 11, 1, 8, 0));
		assertThat(onCall(daily, Instant.parse("2026-11-01T12:59:59Z")).staffId()).isEqualTo(spanning.staffId());
		assertThat(onCall(daily, Instant.parse("2026-11-01T13:00:00Z")).staffId()).isNotEqualTo(spanning.staffId());
	}

	@Test
	void rotationOrderIsStableOverMonthsAcrossDaylightSavingChanges() {
		// 2026-01-05 to 2026-11-24 is 323 days: 323 mod 3 = 2 -> riley from 08:00 local.
		assertThat(onCall(daily, at(2026, 11, 24, 8, 0)).staffId()).isEqualTo("riley");
		assertThat(onCall(daily, at(2026, 11, 24, 7, 0)).staffId()).isEqualTo("jordan");
	}

	@Test
	void orderExtendsBackwardsBeforeTheStart() {
		assertThat(onCall(daily, at(2026, 1, 5, 7, 59)).staffId()).isEqualTo("riley");
		assertThat(onCall(daily, at(2026, 1, 3, 9, 0)).staffId()).isEqualTo("jordan");
	}

	@Test
	void multiDayShiftsRotateEveryNDays() {
		Rotation weekly = new Rotation(LocalDate.of(2026, 1, 5), LocalTime.of(8, 0), NEW_YORK, 7,
				List.of("avery", "jordan"));

		Shift shift = onCall(weekly, at(2026, 1, 14, 12, 0));

		assertThat(shift.staffId()).isEqualTo("jordan");
		assertThat(shift.since()).isEqualTo(at(2026, 1, 12, 8, 0));
		assertThat(shift.until()).isEqualTo(at(2026, 1, 19, 8, 0));
	}

	@Test
	void handoffInsideTheSpringForwardGapMovesForwardByTheGap() {
		Rotation earlyHandoff = new Rotation(LocalDate.of(2026, 1, 5), LocalTime.of(2, 30), NEW_YORK, 1,
				List.of("avery", "jordan", "riley"));

		Shift spanning = onCall(earlyHandoff, Instant.parse("2026-03-08T06:00:00Z"));

		// 02:30 does not exist on 8 March; the handoff happens at 03:30 EDT (07:30Z).
		assertThat(spanning.until()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
		assertThat(onCall(earlyHandoff, Instant.parse("2026-03-08T07:30:00Z")).since())
			.isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
	}

	@Test
	void overrideReplacesTheRotationWhileItLasts() {
		RotationOverride cover = new RotationOverride(at(2026, 1, 6, 12, 0), at(2026, 1, 6, 18, 0), "morgan");

		assertThat(resolver.onCallAt(daily, List.of(cover), at(2026, 1, 6, 12, 0))).get()
			.isEqualTo(new Shift("morgan", at(2026, 1, 6, 12, 0), at(2026, 1, 6, 18, 0)));
		assertThat(resolver.onCallAt(daily, List.of(cover), at(2026, 1, 6, 18, 0))).get()
			.extracting(Shift::staffId)
			.isEqualTo("jordan");
	}

	@Test
	void nobodyIsOnCallForAnEmptyRotation() {
		Rotation empty = new Rotation(LocalDate.of(2026, 1, 5), LocalTime.of(8, 0), NEW_YORK, 1, List.of());

		assertThat(resolver.onCallAt(empty, List.of(), at(2026, 1, 6, 12, 0))).isEmpty();
	}

	private Shift onCall(Rotation rotation, Instant at) {
		return resolver.onCallAt(rotation, List.of(), at).orElseThrow();
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, NEW_YORK).toInstant();
	}

}
