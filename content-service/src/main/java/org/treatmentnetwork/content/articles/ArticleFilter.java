package org.treatmentnetwork.content.articles;

/**
 * What an article listing asks for.
 *
 * @param locale the resolved, supported locale
 * @param status the editorial status to list
 * @param topic a topic key to filter on, or {@code null}
 * @param q free-text words that must all appear, or {@code null}
 */
record ArticleFilter(String locale, ArticleStatus status, String topic, String q) {

}
