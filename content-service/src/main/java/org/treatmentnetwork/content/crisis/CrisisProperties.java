package org.treatmentnetwork.content.crisis;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The crisis lines the website shows ({@code content.crisis.*}), held in memory so that
 * they are served even while the database is down.
 *
 * @param resources the crisis lines in the default locale, in display order
 * @param translations the same lines in other locales, by locale
 */
@Validated
@ConfigurationProperties("content.crisis")
record CrisisProperties(@NotEmpty List<@Valid @NotNull Resource> resources,
		@DefaultValue Map<String, @NotEmpty List<@Valid @NotNull Resource>> translations) {

	/**
	 * One crisis line.
	 *
	 * @param name the name of the service
	 * @param phone the number to call
	 * @param sms the number to text, or {@code null}
	 * @param url the web page (https), or {@code null}
	 * @param hours when it answers
	 * @param description who it is for and how to reach it
	 */
	record Resource(@NotBlank String name, @NotBlank String phone, String sms,
			@Pattern(regexp = "https://\\S+") String url, @NotBlank String hours, String description) {

	}

}
