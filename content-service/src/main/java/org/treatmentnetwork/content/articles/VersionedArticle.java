package org.treatmentnetwork.content.articles;

/**
 * A published article together with its strong entity tag.
 *
 * @param article the article
 * @param etag the quoted strong ETag, a hash of the exact representation
 */
record VersionedArticle(ArticleDetail article, String etag) {

}
