package org.treatmentnetwork.intake.pipeline;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Call center pipeline settings.
 *
 * @param queueLimit the most requests the queue lists
 * @param metricsInterval how often the queue size and overdue gauges are refreshed
 */
@Validated
@ConfigurationProperties("intake.pipeline")
record PipelineProperties(@Min(1) @Max(1000) int queueLimit, @NotNull Duration metricsInterval) {

}
