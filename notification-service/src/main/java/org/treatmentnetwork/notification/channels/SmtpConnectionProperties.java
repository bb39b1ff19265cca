package org.treatmentnetwork.notification.channels;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How e-mail pages reuse SMTP connections.
 *
 * @param maxIdle the most open connections kept for the next pages; {@code 0} opens a
 * connection per page
 * @param maxIdleTime how long an unused connection is kept; shorter than the server's own
 * idle timeout (RFC 5321 asks servers to wait at least 5 minutes), so that a kept
 * connection is rarely found closed
 */
@Validated
@ConfigurationProperties("notification.smtp-connections")
record SmtpConnectionProperties(@Min(0) @Max(64) int maxIdle, @NotNull Duration maxIdleTime) {

}
