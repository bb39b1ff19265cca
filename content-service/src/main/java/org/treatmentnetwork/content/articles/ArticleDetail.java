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
 */
record ArticleDetail(String slug, String title, String summary, String body, List<String> topics, String locale,
		String reviewedBy, LocalDate lastReviewed, List<SourceLink> sources, Instant updatedAt) {

	static ArticleDetail from(ArticleDocument document) {
		List<SourceLink> sources = (document.sources() != null)
				? document.sources().stream().map((source) -> new SourceLink(source.title(), source.url())).toList()
				: List.of();
		List<String> topics = (document.topics() != null) ? List.copyOf(document.topics()) : List.of();
		return new ArticleDetail(document.slug(), document.title(), document.summary(), document.body(), topics,
				document.locale(), document.reviewedBy(), document.lastReviewed(), sources, document.updatedAt());
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
