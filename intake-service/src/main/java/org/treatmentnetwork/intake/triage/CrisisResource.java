package org.treatmentnetwork.intake.triage;

import jakarta.validation.constraints.NotBlank;

/**
 * A crisis line shown to a person whose request reads as a crisis.
 *
 * @param name the service's name
 * @param phone the number to call
 * @param sms the number to text, or {@code null}
 * @param url the web address, or {@code null}
 * @param hours when it answers
 */
public record CrisisResource(@NotBlank String name, @NotBlank String phone, String sms, String url,
		@NotBlank String hours) {

}
