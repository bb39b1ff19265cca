package org.treatmentnetwork.content.articles;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Article settings ({@code content.articles.*}).
 *
 * @param cacheMaxAge how long browsers and shared caches may keep a published article
 * ({@code Cache-Control: public, max-age=...})
 */
@Validated
@ConfigurationProperties("content.articles")
record ArticlesProperties(@DefaultValue("5m") @NotNull Duration cacheMaxAge) {

	String cacheControl() {
		return "public, max-age=" + this.cacheMaxAge.toSeconds();
	}

}
