package org.treatmentnetwork.content.locales;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The content locales this service serves ({@code content.locales.*}).
 *
 * @param defaultLocale the locale served when a request asks for an unsupported one
 * @param supported every locale that has content
 */
@Validated
@ConfigurationProperties("content.locales")
record LocalesProperties(@DefaultValue("en") @NotBlank String defaultLocale,
		@DefaultValue("en") @NotEmpty List<@NotBlank String> supported) {

	@AssertTrue(message = "must be one of the supported locales")
	boolean isDefaultLocaleSupported() {
		return this.supported != null && this.supported.contains(this.defaultLocale);
	}

}
