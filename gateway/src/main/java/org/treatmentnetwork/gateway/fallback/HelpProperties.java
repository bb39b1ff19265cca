package org.treatmentnetwork.gateway.fallback;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway tells people to do instead when a service cannot answer.
 *
 * @param intakePhone the intake call center's phone number
 * @param crisisResources crisis lines listed in fallback answers to the public
 * @param retryAfter the {@code Retry-After} hint sent with fallback answers
 */
@Validated
@ConfigurationProperties("gateway.help")
public record HelpProperties(@NotBlank String intakePhone, @NotEmpty List<@Valid CrisisResource> crisisResources,
		@NotNull @DefaultValue("30s") Duration retryAfter) {

	public HelpProperties {
		crisisResources = (crisisResources != null) ? List.copyOf(crisisResources) : List.of();
	}

}
