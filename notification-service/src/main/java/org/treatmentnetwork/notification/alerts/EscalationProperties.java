package org.treatmentnetwork.notification.alerts;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How urgency changes escalation, and how long an acknowledgement holds once the first
 * contact is overdue.
 *
 * @param urgencyFactors per urgency, the factor applied to every step's delay (missing:
 * 1.0)
 * @param immediateSteps per urgency, how many first steps are paged together without
 * waiting (2 for {@code CRISIS}: step 1 and step 2 at once)
 * @param contactOverdueGrace after the acknowledger is reminded that the first contact is
 * overdue, how long before the policy escalates; also how long a re-acknowledgement of an
 * overdue alert holds
 */
@Validated
@ConfigurationProperties("notification.escalation")
public record EscalationProperties(Map<String, Double> urgencyFactors, Map<String, Integer> immediateSteps,
		@NotNull Duration contactOverdueGrace) {

	public EscalationProperties {
		urgencyFactors = upperCaseKeys(urgencyFactors);
		immediateSteps = upperCaseKeys(immediateSteps);
		urgencyFactors.values().forEach((factor) -> {
			if (factor == null || factor < 0 || factor > 10) {
				throw new IllegalArgumentException("notification.escalation.urgency-factors must be between 0 and 10");
			}
		});
	}

	/**
	 * The wait after paging {@code step} before the next step.
	 * @param urgency the alert's urgency
	 * @param step the step just paged, from 1
	 * @param base the policy's delay for that step
	 * @return the wait; zero when the next step is paged together with this one
	 */
	public Duration delayAfter(String urgency, int step, Duration base) {
		String key = (urgency != null) ? urgency.toUpperCase(Locale.ROOT) : "";
		if (step < this.immediateSteps.getOrDefault(key, 1)) {
			return Duration.ZERO;
		}
		double factor = this.urgencyFactors.getOrDefault(key, 1.0);
		return Duration.ofMillis(Math.round(base.toMillis() * factor));
	}

	/**
	 * {@link #contactOverdueGrace()} for an urgency.
	 * @param urgency the alert's urgency
	 * @return the grace scaled by the urgency's factor
	 */
	public Duration overdueGrace(String urgency) {
		String key = (urgency != null) ? urgency.toUpperCase(Locale.ROOT) : "";
		double factor = this.urgencyFactors.getOrDefault(key, 1.0);
		return Duration.ofMillis(Math.round(this.contactOverdueGrace.toMillis() * factor));
	}

	private static <V> Map<String, V> upperCaseKeys(Map<String, V> map) {
		Map<String, V> copy = new HashMap<>();
		if (map != null) {
			map.forEach((key, value) -> copy.put(key.toUpperCase(Locale.ROOT), value));
		}
		return Map.copyOf(copy);
	}

}
