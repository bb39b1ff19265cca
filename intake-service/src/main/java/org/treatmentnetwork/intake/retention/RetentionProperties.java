package org.treatmentnetwork.intake.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Retention settings.
 *
 * @param closedRequests how long after a request finished its personal fields are kept
 * @param interval how often the erasure job runs
 */
@Validated
@ConfigurationProperties("intake.retention")
record RetentionProperties(@NotNull Duration closedRequests, @NotNull Duration interval) {

}
