package org.treatmentnetwork.intake.triage;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Triage settings.
 *
 * @param firstContactDue how long after receipt a person must be contacted, per urgency
 * @param crisisResources the crisis lines returned with a {@code CRISIS} request
 */
@Validated
@ConfigurationProperties("intake.triage")
record TriageProperties(@NotNull @Valid FirstContactDue firstContactDue,
		@NotEmpty List<@Valid CrisisResource> crisisResources) {

	TriageProperties {
		crisisResources = List.copyOf(crisisResources);
	}

	/**
	 * Deadlines for the first contact; a plain number is read as minutes.
	 *
	 * @param crisis for {@link Urgency#CRISIS}
	 * @param high for {@link Urgency#HIGH}
	 * @param routine for {@link Urgency#ROUTINE}
	 */
	record FirstContactDue(@NotNull @DurationUnit(ChronoUnit.MINUTES) Duration crisis,
			@NotNull @DurationUnit(ChronoUnit.MINUTES) Duration high,
			@NotNull @DurationUnit(ChronoUnit.MINUTES) Duration routine) {

		Duration of(Urgency urgency) {
			return switch (urgency) {
				case CRISIS -> this.crisis;
				case HIGH -> this.high;
				case ROUTINE -> this.routine;
			};
		}

	}

}
