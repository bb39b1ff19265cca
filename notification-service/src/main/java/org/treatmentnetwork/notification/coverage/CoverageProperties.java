package org.treatmentnetwork.notification.coverage;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Coverage-gap warnings.
 *
 * @param checkInterval how often every team's coming hours are checked
 * @param horizon how far ahead a gap is reported
 */
@Validated
@ConfigurationProperties("notification.coverage")
record CoverageProperties(@NotNull Duration checkInterval, @NotNull Duration horizon) {

}
