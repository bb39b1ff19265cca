package org.treatmentnetwork.content.articles;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.mongo.MongoProperties;
import org.treatmentnetwork.content.problems.NotFoundException;

/**
 * Reads articles: the public listing, search and article pages from the in-memory
 * snapshot of published content ({@link PublishedArticles}), and the editors' listing of
 * working copies from MongoDB, bounded by the configured operation timeout.
 */
@Component
class ArticleCatalog {

	private static final Sort LISTING_ORDER = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("slug"));

	private final ReactiveMongoTemplate mongo;

	private final PublishedArticles published;

	private final ArticlesProperties properties;

	private final Clock clock;

	private final Duration timeout;

	ArticleCatalog(ReactiveMongoTemplate mongo, PublishedArticles published, ArticlesProperties properties,
			MongoProperties mongoProperties) {
		this.mongo = mongo;
		this.published = published;
		this.properties = properties;
		this.clock = Clock.systemUTC();
		this.timeout = mongoProperties.operationTimeout();
	}

	Mono<ArticlePage> list(ArticleFilter filter, int page, int size) {
		if (!filter.editorial()) {
			return this.published.list(filter.locale(), ArticleQueries.normalizeTopic(filter.topic()), filter.q(), page,
					size);
		}
		Criteria criteria = ArticleQueries.criteria(filter);
		Mono<Long> total = this.mongo.count(new Query(criteria), ArticleDocument.class).timeout(this.timeout);
		long skip = (long) page * size;
		if (skip > Integer.MAX_VALUE) {
			// Far beyond the last page: nothing to read, but still report the total.
			return total.map((count) -> new ArticlePage(List.of(), page, size, count));
		}
		Query query = new Query(criteria).with(LISTING_ORDER).skip(skip).limit(size);
		LocalDate today = LocalDate.now(this.clock);
		Mono<List<EditorArticleSummary>> items = this.mongo.find(query, ArticleDocument.class)
			.map((document) -> EditorArticleSummary.from(document, today, this.properties.reviewIntervalMonths()))
			.collectList()
			.timeout(this.timeout);
		return Mono.zip(items, total).map((result) -> new ArticlePage(result.getT1(), page, size, result.getT2()));
	}

	Mono<VersionedArticle> findPublished(String slug, String locale) {
		return this.published.find(slug, locale)
			.switchIfEmpty(Mono.error(() -> new NotFoundException("No published article has this slug.")));
	}

}
