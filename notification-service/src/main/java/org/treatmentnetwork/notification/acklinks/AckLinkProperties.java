package org.treatmentnetwork.notification.acklinks;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the acknowledgement links.
 *
 * @param publicBaseUrl the base URL staff reach the suite at (the gateway)
 * @param secret the HMAC-SHA256 key that signs link tokens
 * @param validity how long a link works after it was sent
 */
@Validated
@ConfigurationProperties("notification.links")
record AckLinkProperties(@NotNull URI publicBaseUrl, @NotBlank @Size(min = 16) String secret,
		@NotNull Duration validity) {

	@Override
	public String toString() {
		return "AckLinkProperties[publicBaseUrl=" + this.publicBaseUrl + ", validity=" + this.validity + "]";
	}

}
