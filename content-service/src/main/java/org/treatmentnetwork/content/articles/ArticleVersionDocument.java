package org.treatmentnetwork.content.articles;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A saved earlier state of an article in {@code article_versions}: written before every
 * change, keyed by article and revision so that writing it twice changes nothing.
 *
 * @param id {@code articleId:revision}
 * @param articleId the article's database id
 * @param slug the slug
 * @param locale the locale
 * @param revision the revision this state had
 * @param status the status it had
 * @param content the working copy it had
 * @param savedBy who made this state, {@code null} for seed content
 * @param replacedAt when a later change replaced it
 */
@Document(ArticleVersionDocument.COLLECTION)
record ArticleVersionDocument(@Id String id, String articleId, String slug, String locale, long revision,
		ArticleStatus status, ArticleContent content, String savedBy, Instant replacedAt) {

	static final String COLLECTION = "article_versions";

	static ArticleVersionDocument of(ArticleDocument article, Instant replacedAt) {
		return new ArticleVersionDocument(article.id() + ":" + article.currentRevision(), article.id(), article.slug(),
				article.locale(), article.currentRevision(), article.status(), ArticleContent.workingCopyOf(article),
				article.updatedBy(), replacedAt);
	}

}
