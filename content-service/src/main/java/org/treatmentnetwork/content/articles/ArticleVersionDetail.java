package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One earlier version of an article, in full.
 *
 * @param slug the slug
 * @param locale the locale
 * @param revision the revision
 * @param status the status it had
 * @param title the title
 * @param summary the summary
 * @param body the body
 * @param topics the topics
 * @param reviewedBy the reviewer or pending marker
 * @param lastReviewed the review date
 * @param sources the sources
 * @param updatedAt when it was saved
 * @param savedBy who saved it
 * @param replacedAt when a later change replaced it
 */
record ArticleVersionDetail(String slug, String locale, long revision, ArticleStatus status, String title,
		String summary, String body, List<String> topics, String reviewedBy, LocalDate lastReviewed,
		List<ArticleDetail.SourceLink> sources, Instant updatedAt, String savedBy, Instant replacedAt) {

	static ArticleVersionDetail from(ArticleVersionDocument version) {
		ArticleContent content = version.content();
		List<ArticleDetail.SourceLink> sources = (content.sources() != null) ? content.sources()
			.stream()
			.map((source) -> new ArticleDetail.SourceLink(source.title(), source.url()))
			.toList() : List.of();
		return new ArticleVersionDetail(version.slug(), version.locale(), version.revision(), version.status(),
				content.title(), content.summary(), content.body(),
				(content.topics() != null) ? content.topics() : List.of(), content.reviewedBy(), content.lastReviewed(),
				sources, content.updatedAt(), version.savedBy(), version.replacedAt());
	}

}
