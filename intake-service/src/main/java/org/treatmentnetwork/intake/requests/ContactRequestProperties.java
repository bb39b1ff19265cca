package org.treatmentnetwork.intake.requests;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Contact request settings.
 *
 * @param phoneDefaultRegion the region (ISO 3166 code such as {@code US}) a phone number
 * without a country code is read in
 */
@Validated
@ConfigurationProperties("intake.requests")
record ContactRequestProperties(@NotBlank String phoneDefaultRegion) {

}
