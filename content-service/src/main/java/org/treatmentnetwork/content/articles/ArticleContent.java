package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The editable content of an article at one point in time: what is published
 * ({@code live}), and what each saved version holds.
 *
 * @param title the title
 * @param summary one or two sentences
 * @param body the Markdown body
 * @param topics lower-case topic keys
 * @param reviewedBy the clinical reviewer, or the pending marker
 * @param lastReviewed the date of the last clinical review, {@code null} while pending
 * @param sources public sources the article relies on
 * @param updatedAt when this content was saved
 */
record ArticleContent(String title, String summary, String body, List<String> topics, String reviewedBy,
		LocalDate lastReviewed, List<ArticleDocument.Source> sources, Instant updatedAt) {

	static ArticleContent workingCopyOf(ArticleDocument document) {
		return new ArticleContent(document.title(), document.summary(), document.body(), document.topics(),
				document.reviewedBy(), document.lastReviewed(), document.sources(), document.updatedAt());
	}

}
