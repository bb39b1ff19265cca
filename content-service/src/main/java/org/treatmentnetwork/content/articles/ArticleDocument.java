package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article as stored in the {@code articles} collection; one document per slug and
 * locale. The top-level content fields are the editors' working copy; {@code live} is the
 * content the public sees while the article is {@link ArticleStatus#PUBLISHED} (documents
 * without {@code live}, such as the seed articles, publish their working copy).
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
 * @param updatedAt when the working copy last changed
 * @param status the editorial status
 * @param revision incremented by every change; the editors' entity tag
 * @param updatedBy the staff id of the last change, {@code null} for seed content
 * @param live the published content, {@code null} when the working copy is published
 * @param publishedAt when the article was last published
 */
@Document(ArticleDocument.COLLECTION)
record ArticleDocument(@Id String id, String slug, String locale, String title, String summary, String body,
		List<String> topics, String reviewedBy, LocalDate lastReviewed, List<Source> sources, Instant updatedAt,
		ArticleStatus status, Long revision, String updatedBy, ArticleContent live, Instant publishedAt) {

	static final String COLLECTION = "articles";

	static ArticleDocument of(String id, String slug, String locale, String title, String summary, String body,
			List<String> topics, String reviewedBy, LocalDate lastReviewed, List<Source> sources, Instant updatedAt,
			ArticleStatus status) {
		return new ArticleDocument(id, slug, locale, title, summary, body, topics, reviewedBy, lastReviewed, sources,
				updatedAt, status, 1L, null, null, null);
	}

	/**
	 * The revision, {@code 1} for documents written before revisions existed.
	 * @return the current revision
	 */
	long currentRevision() {
		return (this.revision != null) ? this.revision : 1L;
	}

	/**
	 * What the public sees of a published article.
	 * @return the live content
	 */
	ArticleContent publicContent() {
		return (this.live != null) ? this.live : ArticleContent.workingCopyOf(this);
	}

	/**
	 * A public source cited by the article.
	 *
	 * @param title the source's title
	 * @param url where to read it
	 */
	record Source(String title, String url) {

	}

}
