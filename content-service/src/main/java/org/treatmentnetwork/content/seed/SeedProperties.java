package org.treatmentnetwork.content.seed;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How seeding retries while the database is not reachable yet ({@code content.seed.*}).
 *
 * @param firstBackoff the wait before the first retry
 * @param maxBackoff the longest wait between two retries
 */
@Validated
@ConfigurationProperties("content.seed")
record SeedProperties(@DefaultValue("1s") @NotNull Duration firstBackoff,
		@DefaultValue("30s") @NotNull Duration maxBackoff) {

}
