package org.treatmentnetwork.notification.channels;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Channels: resilience settings per channel and the SMS provider's API.
 *
 * @param email e-mail settings
 * @param sms SMS settings
 * @param webhook webhook settings
 * @param smsProvider the SMS provider's HTTP API
 */
@Validated
@ConfigurationProperties("notification.channels")
public record ChannelProperties(@Valid @NotNull ChannelSettings email, @Valid @NotNull ChannelSettings sms,
		@Valid @NotNull ChannelSettings webhook, @Valid @NotNull SmsProvider smsProvider) {

	/**
	 * The SMS provider's HTTP API: {@code POST {baseUrl}/messages} with HTTP Basic
	 * credentials and a JSON body {@code {"from", "to", "text"}}; any {@code 2xx} means
	 * accepted. Without a base URL the SMS channel is off and SMS methods are skipped.
	 *
	 * @param baseUrl the API's base URL, such as {@code https://sms.example.com/v1}
	 * @param username the API user
	 * @param password the API password or key
	 * @param sender the sender name or number
	 */
	public record SmsProvider(String baseUrl, String username, String password, String sender) {

		boolean configured() {
			return this.baseUrl != null && !this.baseUrl.isBlank();
		}

	}

}
