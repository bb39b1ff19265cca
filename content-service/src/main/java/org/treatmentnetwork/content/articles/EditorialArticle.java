package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as an editor works on it: the working copy with its workflow state. Its
 * entity tag is {@code "r<revision>"}.
 *
 * @param slug the URL name
 * @param locale the language
 * @param status {@code DRAFT} or {@code PUBLISHED}
 * @param revision incremented by every change
 * @param title the working title
 * @param summary the working summary
 * @param body the working body
 * @param topics topic keys
 * @param reviewedBy the clinical reviewer, or the pending marker
 * @param lastReviewed the date of the last clinical review, {@code null} while pending
 * @param sources the cited sources
 * @param updatedAt when the working copy last changed
 * @param updatedBy who changed it last
 * @param publishedAt when it was last published
 * @param reviewOverdue the last review is more than 12 months old
 * @param reviewPending no clinician has reviewed it yet
 * @param hasUnpublishedChanges the public sees an older content than the working copy
 */
record EditorialArticle(String slug, String locale, ArticleStatus status, long revision, String title, String summary,
		String body, List<String> topics, String reviewedBy, LocalDate lastReviewed,
		List<ArticleDetail.SourceLink> sources, Instant updatedAt, String updatedBy, Instant publishedAt,
		boolean reviewOverdue, boolean reviewPending, boolean hasUnpublishedChanges) {

	static EditorialArticle from(ArticleDocument document, LocalDate today, int reviewIntervalMonths) {
		EditorArticleSummary summary = EditorArticleSummary.from(document, today, reviewIntervalMonths);
		List<ArticleDetail.SourceLink> sources = (document.sources() != null) ? document.sources()
			.stream()
			.map((source) -> new ArticleDetail.SourceLink(source.title(), source.url()))
			.toList() : List.of();
		return new EditorialArticle(document.slug(), document.locale(), document.status(), document.currentRevision(),
				document.title(), document.summary(), document.body(), summary.topics(), document.reviewedBy(),
				document.lastReviewed(), sources, document.updatedAt(), document.updatedBy(), document.publishedAt(),
				summary.reviewOverdue(), summary.reviewPending(), summary.hasUnpublishedChanges());
	}

	String etag() {
		return "\"r" + this.revision + "\"";
	}

}
