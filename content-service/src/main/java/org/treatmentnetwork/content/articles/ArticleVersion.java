package org.treatmentnetwork.content.articles;

import java.time.Instant;

/**
 * One entry of an article's version history.
 *
 * @param revision the revision
 * @param status the status at that revision
 * @param title the title at that revision
 * @param updatedAt when that content was saved
 * @param savedBy who made that revision
 * @param current {@code true} for the current revision
 */
record ArticleVersion(long revision, ArticleStatus status, String title, Instant updatedAt, String savedBy,
		boolean current) {

	static ArticleVersion of(ArticleVersionDocument version) {
		return new ArticleVersion(version.revision(), version.status(), version.content().title(),
				version.content().updatedAt(), version.savedBy(), false);
	}

	static ArticleVersion current(ArticleDocument article) {
		return new ArticleVersion(article.currentRevision(), article.status(), article.title(), article.updatedAt(),
				article.updatedBy(), true);
	}

}
