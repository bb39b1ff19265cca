package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article as stored in the {@code articles} collection; one document per slug and
 * locale.
 *
 * @param id the database id
 * @param slug the URL name, unique per locale
 * @param locale the language of this version
 * @param title the title
 * @param summary one or two sentences for lists
 * @param body the Markdown body
 * @param topics lower-case topic keys
 * @param reviewedBy the clinical reviewer, or the pending marker
 * @param lastReviewed the date of the last clinical review, {@code null} while pending
 * @param sources public sources the article relies on
 * @param updatedAt when the content last changed
 * @param status the editorial status
 */
@Document(ArticleDocument.COLLECTION)
record ArticleDocument(@Id String id, String slug, String locale, String title, String summary, String body,
		List<String> topics, String reviewedBy, LocalDate lastReviewed, List<Source> sources, Instant updatedAt,
		ArticleStatus status) {

	static final String COLLECTION = "articles";

	/**
	 * A public source cited by the article.
	 *
	 * @param title the source's title
	 * @param url where to read it
	 */
	record Source(String title, String url) {

	}

}
