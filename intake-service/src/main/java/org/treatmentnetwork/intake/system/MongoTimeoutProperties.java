package org.treatmentnetwork.intake.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on every MongoDB call, so that a database outage fails a request in seconds.
 *
 * @param serverSelectionTimeout how long to wait for a reachable server
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer on an open connection
 */
@Validated
@ConfigurationProperties("intake.mongo")
record MongoTimeoutProperties(@NotNull Duration serverSelectionTimeout, @NotNull Duration connectTimeout,
		@NotNull Duration readTimeout) {

}
