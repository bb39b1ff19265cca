package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A full article as the website shows it.
 *
 * @param slug the URL name
 * @param title the title
 * @param summary one or two sentences
 * @param body the Markdown body
 * @param topics topic keys
 * @param locale the language served
 * @param reviewedBy the clinical reviewer, or "Pending clinical review"
 * @param lastReviewed the date of the last clinical review, {@code null} while pending
 * @param sources the public sources the article relies on
 * @param updatedAt when the content last changed
 * @param requestedLocale the language asked for (an extension of the contract)
 * @param fallback {@code true} when no translation exists in the requested language and
 * the article is served in the default one (an extension of the contract)
 */
record ArticleDetail(String slug, String title, String summary, String body, List<String> topics, String locale,
		String reviewedBy, LocalDate lastReviewed, List<SourceLink> sources, Instant updatedAt, String requestedLocale,
		boolean fallback) {

	ArticleDetail(String slug, String title, String summary, String body, List<String> topics, String locale,
			String reviewedBy, LocalDate lastReviewed, List<SourceLink> sources, Instant updatedAt) {
		this(slug, title, summary, body, topics, locale, reviewedBy, lastReviewed, sources, updatedAt, locale, false);
	}

	static ArticleDetail from(ArticleDocument document) {
		return from(document, document.locale());
	}

	static ArticleDetail from(ArticleDocument document, String requestedLocale) {
		ArticleContent content = document.publicContent();
		List<SourceLink> sources = (content.sources() != null)
				? content.sources().stream().map((source) -> new SourceLink(source.title(), source.url())).toList()
				: List.of();
		List<String> topics = (content.topics() != null) ? List.copyOf(content.topics()) : List.of();
		return new ArticleDetail(document.slug(), content.title(), content.summary(), content.body(), topics,
				document.locale(), content.reviewedBy(), content.lastReviewed(), sources, content.updatedAt(),
				requestedLocale, !document.locale().equals(requestedLocale));
	}

	/**
	 * A cited source.
	 *
	 * @param title the source's title
	 * @param url where to read it
	 */
	record SourceLink(String title, String url) {

	}

}
