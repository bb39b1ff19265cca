package org.treatmentnetwork.gateway.fallback;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;

/**
 * A line a person can reach at any time, shown when the gateway cannot reach a service.
 * Same shape as the content service's crisis resources.
 *
 * @param name name of the line
 * @param phone number to call, if any
 * @param sms number to text, if any
 * @param url web address (chat or information), if any
 * @param hours when it answers, and in which languages
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrisisResource(@NotBlank String name, String phone, String sms, String url, @NotBlank String hours) {
}
