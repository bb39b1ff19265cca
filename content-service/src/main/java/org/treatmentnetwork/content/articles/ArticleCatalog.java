package org.treatmentnetwork.content.articles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.mongo.MongoProperties;
import org.treatmentnetwork.content.problems.NotFoundException;

/**
 * Reads articles from MongoDB: listings with paging, filters and word search, and single
 * published articles with their entity tag. Every query is bounded by the configured
 * operation timeout.
 */
@Component
class ArticleCatalog {

	private static final Sort LISTING_ORDER = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("slug"));

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper jsonMapper;

	private final Duration timeout;

	ArticleCatalog(ReactiveMongoTemplate mongo, JsonMapper jsonMapper, MongoProperties mongoProperties) {
		this.mongo = mongo;
		this.jsonMapper = jsonMapper;
		this.timeout = mongoProperties.operationTimeout();
	}

	Mono<ArticlePage> list(ArticleFilter filter, int page, int size) {
		Criteria criteria = ArticleQueries.criteria(filter);
		Mono<Long> total = this.mongo.count(new Query(criteria), ArticleDocument.class).timeout(this.timeout);
		long skip = (long) page * size;
		if (skip > Integer.MAX_VALUE) {
			// Far beyond the last page: nothing to read, but still report the total.
			return total.map((count) -> new ArticlePage(List.of(), page, size, count));
		}
		Query query = new Query(criteria).with(LISTING_ORDER).skip(skip).limit(size);
		query.fields().include("slug", "title", "summary", "topics", "locale", "lastReviewed");
		Mono<List<ArticleSummary>> items = this.mongo.find(query, ArticleDocument.class)
			.map(ArticleSummary::from)
			.collectList()
			.timeout(this.timeout);
		return Mono.zip(items, total).map((result) -> new ArticlePage(result.getT1(), page, size, result.getT2()));
	}

	Mono<VersionedArticle> findPublished(String slug, String locale) {
		Query query = new Query(Criteria.where("slug")
			.is(slug)
			.and("locale")
			.is(locale)
			.and("status")
			.is(ArticleStatus.PUBLISHED.name()));
		return this.mongo.findOne(query, ArticleDocument.class)
			.timeout(this.timeout)
			.map(ArticleDetail::from)
			.map((article) -> new VersionedArticle(article, etag(article)))
			.switchIfEmpty(Mono.error(() -> new NotFoundException("No published article has this slug.")));
	}

	/**
	 * A strong entity tag: the SHA-256 of the article's JSON representation, so it
	 * changes whenever any byte of the response body would.
	 */
	private String etag(ArticleDetail article) {
		byte[] representation = this.jsonMapper.writeValueAsString(article).getBytes(StandardCharsets.UTF_8);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
			return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
