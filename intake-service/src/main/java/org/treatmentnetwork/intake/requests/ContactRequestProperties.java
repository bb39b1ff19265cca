package org.treatmentnetwork.intake.requests;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Contact request settings.
 *
 * @param phoneDefaultRegion the region (ISO 3166 code such as {@code US}) a phone number
 * without a country code is read in
 * @param idempotencyWindow how long an {@code Idempotency-Key} is remembered
 * @param duplicateWindow how far back a request by the same person (same phone or e-mail)
 * makes a new one a duplicate
 */
@Validated
@ConfigurationProperties("intake.requests")
record ContactRequestProperties(@NotBlank String phoneDefaultRegion, @NotNull Duration idempotencyWindow,
		@NotNull Duration duplicateWindow) {

}
