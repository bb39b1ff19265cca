package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as the editors' listing shows it: the working copy with its workflow state.
 *
 * @param slug the URL name
 * @param locale the language
 * @param title the working title
 * @param summary the working summary
 * @param topics topic keys
 * @param status {@code DRAFT} or {@code PUBLISHED}
 * @param revision the revision, also the editors' entity tag
 * @param reviewedBy the clinical reviewer, or the pending marker
 * @param lastReviewed the date of the last clinical review, {@code null} while pending
 * @param reviewOverdue {@code true} when the last review is more than the review interval
 * (12 months) ago
 * @param reviewPending {@code true} while no clinician has reviewed the article
 * @param hasUnpublishedChanges {@code true} when a published article's working copy
 * differs from what the public sees
 * @param updatedAt when the working copy last changed
 * @param updatedBy who changed it last, {@code null} for seed content
 * @param publishedAt when it was last published, {@code null} if unknown or never
 */
record EditorArticleSummary(String slug, String locale, String title, String summary, List<String> topics,
		ArticleStatus status, long revision, String reviewedBy, LocalDate lastReviewed, boolean reviewOverdue,
		boolean reviewPending, boolean hasUnpublishedChanges, Instant updatedAt, String updatedBy,
		Instant publishedAt) {

	static EditorArticleSummary from(ArticleDocument document, LocalDate today, int reviewIntervalMonths) {
		LocalDate reviewed = document.lastReviewed();
		boolean overdue = reviewed != null && reviewed.isBefore(today.minusMonths(reviewIntervalMonths));
		boolean unpublishedChanges = document.status() == ArticleStatus.PUBLISHED && document.live() != null
				&& !document.live().equals(ArticleContent.workingCopyOf(document));
		return new EditorArticleSummary(document.slug(), document.locale(), document.title(), document.summary(),
				(document.topics() != null) ? List.copyOf(document.topics()) : List.of(), document.status(),
				document.currentRevision(), document.reviewedBy(), reviewed, overdue, reviewed == null,
				unpublishedChanges, document.updatedAt(), document.updatedBy(), document.publishedAt());
	}

}
