package org.treatmentnetwork.notification.escalation;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.treatmentnetwork.notification.alerts.Urgency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How urgency changes escalation, and how long an acknowledgement holds once the first
 * contact is overdue.
 *
 * @param urgencyFactors per urgency ({@link Urgency}: {@code CRISIS}, {@code HIGH},
 * {@code ROUTINE}), the factor applied to every step's delay (missing: 1.0); any other
 * key is refused
 * @param immediateSteps per urgency, how many first steps are paged together without
 * waiting (2 for {@code CRISIS}: step 1 and step 2 at once); any other key is refused
 * @param contactOverdueGrace after the acknowledger is reminded that the first contact is
 * overdue, how long before the policy escalates; also how long a re-acknowledgement of an
 * overdue alert holds
 */
@Validated
@ConfigurationProperties("notification.escalation")
public record EscalationProperties(Map<String, Double> urgencyFactors, Map<String, Integer> immediateSteps,
		@NotNull Duration contactOverdueGrace) {

	public EscalationProperties {
		urgencyFactors = upperCaseKeys(urgencyFactors, "urgency-factors");
		immediateSteps = upperCaseKeys(immediateSteps, "immediate-steps");
		urgencyFactors.values().forEach((factor) -> {
			if (factor == null || factor < 0 || factor > 10) {
				throw new IllegalArgumentException("notification.escalation.urgency-factors must be between 0 and 10");
			}
		});
	}

	/**
	 * The wait after paging {@code step} before the next step.
	 * @param urgency the alert's urgency; one this service does not know counts as the
	 * most urgent
	 * @param step the step just paged, from 1
	 * @param base the policy's delay for that step
	 * @return the wait; zero when the next step is paged together with this one
	 */
	public Duration delayAfter(String urgency, int step, Duration base) {
		if (pagedTogetherWithNext(urgency, step)) {
			return Duration.ZERO;
		}
		double factor = this.urgencyFactors.getOrDefault(Urgency.of(urgency).name(), 1.0);
		return Duration.ofMillis(Math.round(base.toMillis() * factor));
	}

	/**
	 * Whether the step after {@code step} is paged together with it, without waiting.
	 * @param urgency the alert's urgency; one this service does not know counts as the
	 * most urgent
	 * @param step a step, from 1
	 * @return {@code true} for the first {@code immediate-steps - 1} steps
	 */
	public boolean pagedTogetherWithNext(String urgency, int step) {
		return step < this.immediateSteps.getOrDefault(Urgency.of(urgency).name(), 1);
	}

	/**
	 * {@link #contactOverdueGrace()} for an urgency.
	 * @param urgency the alert's urgency; one this service does not know counts as the
	 * most urgent
	 * @return the grace scaled by the urgency's factor
	 */
	public Duration overdueGrace(String urgency) {
		double factor = this.urgencyFactors.getOrDefault(Urgency.of(urgency).name(), 1.0);
		return Duration.ofMillis(Math.round(this.contactOverdueGrace.toMillis() * factor));
	}

	private static <V> Map<String, V> upperCaseKeys(Map<String, V> map, String property) {
		Map<String, V> copy = new HashMap<>();
		if (map != null) {
			map.forEach((key, value) -> {
				String name = key.toUpperCase(Locale.ROOT);
				if (Urgency.known(name).isEmpty()) {
					throw new IllegalArgumentException("notification.escalation." + property + ": " + key
							+ " is not an urgency of the contract " + Arrays.toString(Urgency.values()));
				}
				copy.put(name, value);
			});
		}
		return Map.copyOf(copy);
	}

}
