package org.treatmentnetwork.notification.contactmethods;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Contact methods that staff manage themselves ({@code notification.contact-methods}).
 *
 * @param codeValidity how long a confirmation code can be entered
 * @param codeAttempts how many codes may be entered for one code sent
 * @param codeInterval how long after a code another can be sent to the same method
 * @param codeLimit how many codes one person may have sent within {@code codePeriod}
 * @param codePeriod the period of {@code codeLimit}
 * @param testLimit how many test messages one person may have sent within
 * {@code testPeriod}
 * @param testPeriod the period of {@code testLimit}
 * @param sendTimeout how long an answer waits for a code or test message to be handed
 * over; one still under way then counts as not sent (the gateway gives up on the answer
 * after 10 seconds)
 * @param localWebhooks whether webhook URLs may be {@code http://localhost} or
 * {@code http://127.0.0.1} (development only: in production they would reach the
 * services' own ports)
 */
@Validated
@ConfigurationProperties("notification.contact-methods")
public record ContactMethodsProperties(@NotNull Duration codeValidity, @Positive int codeAttempts,
		@NotNull Duration codeInterval, @Positive int codeLimit, @NotNull Duration codePeriod, @Positive int testLimit,
		@NotNull Duration testPeriod, @NotNull Duration sendTimeout, boolean localWebhooks) {

}
