package org.treatmentnetwork.notification.alerts;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The alert stream.
 *
 * @param pollInterval how often the stream looks for changed alerts
 */
@Validated
@ConfigurationProperties("notification.stream")
record AlertStreamProperties(@NotNull Duration pollInterval) {

}
