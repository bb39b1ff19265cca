package org.treatmentnetwork.gateway.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Security headers the gateway adds to every response.
 *
 * @param hsts {@code Strict-Transport-Security}
 * @param htmlContentSecurityPolicy the policy for HTML answers; a service's own policy is
 * kept only if it is at least as strict at its root ({@code default-src 'none'})
 * @param apiContentSecurityPolicy the policy for every other answer (JSON), when the
 * service set none
 * @param docsContentSecurityPolicy the policy for the Swagger UI's pages under
 * {@code /api/docs}: scripts, styles and images from the gateway itself, nothing inline
 */
@Validated
@ConfigurationProperties("gateway.security-headers")
record SecurityHeadersProperties(@NotNull @Valid @DefaultValue Hsts hsts,
		@NotBlank @DefaultValue("default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'") String htmlContentSecurityPolicy,
		@NotBlank @DefaultValue("default-src 'none'; frame-ancestors 'none'") String apiContentSecurityPolicy,
		@NotBlank @DefaultValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'") String docsContentSecurityPolicy) {

	/**
	 * HTTP Strict Transport Security. Sent on every answer when enabled: the gateway runs
	 * behind TLS termination, and browsers ignore the header on plain HTTP.
	 *
	 * @param enabled whether to send it
	 * @param maxAge how long browsers remember to use HTTPS only
	 * @param includeSubdomains whether subdomains are covered too
	 * @param preload whether to ask for inclusion in browsers' preload lists
	 */
	record Hsts(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("365d") Duration maxAge,
			@DefaultValue("true") boolean includeSubdomains, @DefaultValue("false") boolean preload) {

		String headerValue() {
			return "max-age=" + this.maxAge.toSeconds() + (this.includeSubdomains ? "; includeSubDomains" : "")
					+ (this.preload ? "; preload" : "");
		}

	}

}
