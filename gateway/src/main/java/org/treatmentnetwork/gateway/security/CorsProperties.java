package org.treatmentnetwork.gateway.security;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Browser origins allowed to call the API (the public website and staff tools). Each
 * entry is an exact origin such as {@code https://www.example.org}; wildcards are
 * rejected.
 *
 * @param allowedOrigins the allowed origins
 */
@Validated
@ConfigurationProperties("gateway.cors")
record CorsProperties(@NotEmpty List<@Pattern(regexp = "https?://[^*/\\s]+",
		message = "must be an exact origin such as https://www.example.org") String> allowedOrigins) {

	CorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

}
