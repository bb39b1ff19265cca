package org.treatmentnetwork.notification.channels;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Channels: resilience settings per channel. The text and voice provider's API is
 * configured in {@code notification.twilio} ({@code TwilioProperties}).
 *
 * @param email e-mail settings
 * @param sms text message settings
 * @param voice phone call settings
 * @param webhook webhook settings
 */
@Validated
@ConfigurationProperties("notification.channels")
public record ChannelProperties(@Valid @NotNull ChannelSettings email, @Valid @NotNull ChannelSettings sms,
		@Valid @NotNull ChannelSettings voice, @Valid @NotNull ChannelSettings webhook) {

}
