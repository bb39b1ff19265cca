package org.treatmentnetwork.content.articles;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Article settings ({@code content.articles.*}).
 *
 * @param cacheMaxAge how long browsers and shared caches may keep a published article
 * ({@code Cache-Control: public, max-age=...})
 * @param refreshInterval how often each instance checks the shared change counter and
 * rebuilds its in-memory snapshot and search index when another instance changed an
 * article
 * @param fullRefreshInterval how often each instance rebuilds its snapshot even when the
 * change counter did not move (a safety net for a change whose counter update failed)
 * @param reviewIntervalMonths how many months old {@code lastReviewed} may be before the
 * editors' listing flags the article {@code reviewOverdue}
 */
@Validated
@ConfigurationProperties("content.articles")
record ArticlesProperties(@DefaultValue("5m") @NotNull Duration cacheMaxAge,
		@DefaultValue("2s") @NotNull Duration refreshInterval,
		@DefaultValue("60s") @NotNull Duration fullRefreshInterval,
		@DefaultValue("12") @Positive int reviewIntervalMonths) {

	String cacheControl() {
		return "public, max-age=" + this.cacheMaxAge.toSeconds() + ", stale-while-revalidate=60, stale-if-error=86400";
	}

}
