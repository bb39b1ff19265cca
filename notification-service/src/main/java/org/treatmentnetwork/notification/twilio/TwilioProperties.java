package org.treatmentnetwork.notification.twilio;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The text and voice provider: Twilio's Programmable Messaging and Voice REST API, or any
 * provider with compatible endpoints ({@code notification.twilio}). Texts and calls are
 * off, and the service says so at start, unless the account SID, auth token and sender
 * number are all set.
 *
 * @param apiBaseUrl the API's base URL, {@code https://api.twilio.com} (the local stack's
 * simulator on this machine)
 * @param accountSid the account SID ({@code AC…}), the API user
 * @param authToken the auth token: the API password and the key webhooks are signed with
 * @param fromNumber the sender number in E.164, which staff reply to
 * @param webhookBaseUrl the public base URL (the gateway's external URL) under which the
 * provider reaches the webhooks; signatures are checked against this URL, not the one a
 * proxied request arrives on
 * @param ringTimeout how long a call rings before it counts as not answered
 * @param gatherTimeout how long a call waits for a key after it has spoken
 */
@Validated
@ConfigurationProperties("notification.twilio")
public record TwilioProperties(@NotBlank String apiBaseUrl, String accountSid, String authToken, String fromNumber,
		@NotBlank String webhookBaseUrl, @NotNull Duration ringTimeout, @NotNull Duration gatherTimeout) {

	/**
	 * Whether texts and calls can be sent.
	 * @return {@code true} if the account, token and sender are set
	 */
	public boolean configured() {
		return present(this.accountSid) && present(this.authToken) && present(this.fromNumber);
	}

	/**
	 * The public URL of a webhook.
	 * @param path the path, starting with {@code /}
	 * @return the URL the provider calls and signs
	 */
	public String webhookUrl(String path) {
		return this.webhookBaseUrl.replaceAll("/+$", "") + path;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
