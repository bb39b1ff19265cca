package org.treatmentnetwork.content.articles;

import java.util.List;

/**
 * One page of an article listing.
 *
 * @param items the articles on this page
 * @param page the zero-based page number
 * @param size the page size asked for
 * @param total how many articles match in all
 */
record ArticlePage(List<?> items, int page, int size, long total) {

}
