package org.treatmentnetwork.notification.oncall;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * On-call settings.
 *
 * @param defaultTeam the team paged for alerts of centers without a team of their own
 * @param seedDemoNetwork whether to seed the fictional demo team and staff at startup
 * ({@code true} only in the {@code local} profile)
 */
@Validated
@ConfigurationProperties("notification.on-call")
public record OnCallProperties(@NotBlank String defaultTeam, boolean seedDemoNetwork) {

}
