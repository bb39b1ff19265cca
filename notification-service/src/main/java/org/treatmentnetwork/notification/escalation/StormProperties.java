package org.treatmentnetwork.notification.escalation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Alert storms: when many alerts are open for one person, their re-pages are bundled into
 * one summary per interval instead of a message each ({@code notification.storms}). First
 * pages are never bundled.
 *
 * @param bundleThreshold from how many open alerts paged to one person their re-pages are
 * bundled
 * @param summaryInterval at most one summary per person per interval
 * @param summaryScan the most open alerts a summary reads (it says "at least" beyond)
 */
@Validated
@ConfigurationProperties("notification.storms")
record StormProperties(@Min(2) int bundleThreshold, @NotNull Duration summaryInterval,
		@Min(10) @Max(10000) int summaryScan) {

}
