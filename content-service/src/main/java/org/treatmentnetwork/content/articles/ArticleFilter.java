package org.treatmentnetwork.content.articles;

/**
 * What an article listing asks for.
 *
 * @param locale the resolved, supported locale
 * @param status the editorial status to list, {@code null} for every status (editors)
 * @param topic a topic key to filter on, or {@code null}
 * @param q free-text words, or {@code null}
 * @param editorial {@code true} for the editors' listing (working copies, from the
 * database), {@code false} for the public one (published content, from memory)
 */
record ArticleFilter(String locale, ArticleStatus status, String topic, String q, boolean editorial) {

	ArticleFilter(String locale, ArticleStatus status, String topic, String q) {
		this(locale, status, topic, q, false);
	}

}
