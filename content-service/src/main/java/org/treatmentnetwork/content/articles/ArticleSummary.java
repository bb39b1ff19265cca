package org.treatmentnetwork.content.articles;

import java.time.LocalDate;
import java.util.List;

/**
 * An article as listed.
 *
 * @param slug the URL name
 * @param title the title
 * @param summary one or two sentences
 * @param topics topic keys
 * @param locale the language served
 * @param lastReviewed the date of the last clinical review, {@code null} while pending
 * @param fallback {@code true} when the article has no translation in the requested
 * language and is listed in the default one (an extension of the contract)
 */
record ArticleSummary(String slug, String title, String summary, List<String> topics, String locale,
		LocalDate lastReviewed, boolean fallback) {

	ArticleSummary(String slug, String title, String summary, List<String> topics, String locale,
			LocalDate lastReviewed) {
		this(slug, title, summary, topics, locale, lastReviewed, false);
	}

	static ArticleSummary from(ArticleDocument document) {
		return new ArticleSummary(document.slug(), document.title(), document.summary(), nonNull(document.topics()),
				document.locale(), document.lastReviewed());
	}

	static ArticleSummary from(ArticleDetail detail) {
		return new ArticleSummary(detail.slug(), detail.title(), detail.summary(), detail.topics(), detail.locale(),
				detail.lastReviewed(), detail.fallback());
	}

	private static List<String> nonNull(List<String> values) {
		return (values != null) ? List.copyOf(values) : List.of();
	}

}
