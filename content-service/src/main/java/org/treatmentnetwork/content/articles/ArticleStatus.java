package org.treatmentnetwork.content.articles;

/**
 * Where an article is in the editorial workflow. Only {@link #PUBLISHED} articles are
 * visible to the public.
 */
enum ArticleStatus {

	DRAFT, PUBLISHED

}
