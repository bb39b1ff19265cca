package org.treatmentnetwork.content.articles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.locales.ContentLocales;
import org.treatmentnetwork.content.mongo.MongoProperties;
import org.treatmentnetwork.servicedefaults.background.BackgroundLoop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The published articles, held in memory for the public reads: every article page with
 * its precomputed entity tag, the listings, and one Lucene search index per locale. The
 * snapshot is rebuilt from MongoDB at start (as part of seeding), immediately after every
 * change made through this instance, and whenever the shared change counter
 * ({@link ArticleChanges}) moves, which every instance polls; as a safety net it is also
 * rebuilt every {@code full-refresh-interval} whatever the counter says. A failed rebuild
 * keeps the previous snapshot, so a database outage does not take published content
 * offline (the failure is counted in {@code content.articles.refresh.failures}).
 */
@Component
class PublishedArticles extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(PublishedArticles.class);

	private static final Comparator<ArticleDetail> NEWEST_FIRST = Comparator
		.comparing(ArticleDetail::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(ArticleDetail::slug);

	private final ReactiveMongoTemplate mongo;

	private final ArticleChanges changes;

	private final ContentLocales locales;

	private final JsonMapper jsonMapper;

	private final Duration timeout;

	private final Duration fullRefreshInterval;

	private final Counter refreshFailures;

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

	PublishedArticles(ReactiveMongoTemplate mongo, ArticleChanges changes, ContentLocales locales,
			JsonMapper jsonMapper, MongoProperties mongoProperties, ArticlesProperties properties,
			MeterRegistry meters) {
		super("Article snapshot refresh", properties.refreshInterval(), properties.refreshInterval());
		this.mongo = mongo;
		this.changes = changes;
		this.locales = locales;
		this.jsonMapper = jsonMapper;
		this.timeout = mongoProperties.operationTimeout();
		this.fullRefreshInterval = properties.fullRefreshInterval();
		ArticleSearchIndex.warmUp();
		this.refreshFailures = Counter.builder("content.articles.refresh.failures")
			.description("Failed rebuilds of the in-memory article snapshot")
			.register(meters);
	}

	@EventListener(ApplicationReadyEvent.class)
	void startPolling() {
		start();
	}

	@Override
	protected Mono<Void> runRound(boolean scheduled) {
		return refreshIfChanged();
	}

	@Override
	protected void roundFailed(Throwable failure) {
		this.refreshFailures.increment();
	}

	/**
	 * Rebuild the snapshot if the change counter moved since it was built.
	 * @return completes when done
	 */
	Mono<Void> refreshIfChanged() {
		return this.changes.current().flatMap((version) -> {
			Snapshot current = this.snapshot.get();
			boolean fresh = current != null && current.version() == version
					&& current.builtAt().plus(this.fullRefreshInterval).isAfter(Instant.now());
			return fresh ? Mono.empty() : load(version);
		});
	}

	/**
	 * Rebuild the snapshot now.
	 * @return completes when the new snapshot serves
	 */
	Mono<Void> refresh() {
		return this.changes.current().flatMap(this::load);
	}

	private Mono<Void> load(long version) {
		Query query = new Query(Criteria.where("status").is(ArticleStatus.PUBLISHED.name()));
		Instant startedAt = Instant.now();
		return this.mongo.find(query, ArticleDocument.class)
			.collectList()
			.timeout(this.timeout)
			.publishOn(Schedulers.boundedElastic())
			.map((documents) -> build(version, startedAt, documents))
			.timeout(this.timeout)
			.doOnNext((built) -> {
				this.snapshot.set(built);
				log.debug("Article snapshot {} built", version);
			})
			.then();
	}

	/**
	 * A published article in the requested locale, or its default-locale version when
	 * there is no translation.
	 * @param slug the slug
	 * @param locale a supported locale
	 * @return the article with its entity tag, or empty when there is none
	 */
	Mono<VersionedArticle> find(String slug, String locale) {
		return Mono.fromCallable(() -> current().articles().get(locale + "/" + slug));
	}

	/**
	 * One page of the public listing.
	 * @param locale a supported locale
	 * @param topic a topic key or {@code null}
	 * @param q search words or {@code null}; when present the order is by relevance
	 * @param page the page
	 * @param size the page size
	 * @return the page
	 */
	Mono<ArticlePage> list(String locale, String topic, String q, int page, int size) {
		return Mono.fromCallable(() -> {
			LocaleView view = current().views().get(locale);
			List<ArticleDetail> matches;
			if (q != null && !q.isBlank()) {
				matches = view.index()
					.search(q)
					.stream()
					.map(view.bySlug()::get)
					.filter((article) -> topic == null || article.topics().contains(topic))
					.toList();
			}
			else {
				matches = view.newestFirst()
					.stream()
					.filter((article) -> topic == null || article.topics().contains(topic))
					.toList();
			}
			long skip = (long) page * size;
			List<ArticleSummary> items = (skip >= matches.size()) ? List.of()
					: matches.subList((int) skip, (int) Math.min(matches.size(), skip + size))
						.stream()
						.map(ArticleSummary::from)
						.toList();
			return new ArticlePage(items, page, size, matches.size());
		});
	}

	private Snapshot current() {
		Snapshot current = this.snapshot.get();
		if (current == null) {
			throw new DataAccessResourceFailureException("The article snapshot has not been loaded yet");
		}
		return current;
	}

	private synchronized Snapshot build(long version, Instant builtAt, List<ArticleDocument> documents) {
		Map<String, Map<String, ArticleDocument>> bySlug = new HashMap<>();
		for (ArticleDocument document : documents) {
			bySlug.computeIfAbsent(document.slug(), (slug) -> new HashMap<>()).put(document.locale(), document);
		}
		Map<String, VersionedArticle> articles = new HashMap<>();
		Map<String, LocaleView> views = new HashMap<>();
		for (String locale : this.locales.supported()) {
			Map<String, ArticleDetail> viewBySlug = new LinkedHashMap<>();
			bySlug.keySet().stream().sorted().forEach((slug) -> {
				Map<String, ArticleDocument> translations = bySlug.get(slug);
				ArticleDocument document = translations.getOrDefault(locale,
						translations.get(this.locales.defaultLocale()));
				if (document != null) {
					ArticleDetail detail = ArticleDetail.from(document, locale);
					viewBySlug.put(slug, detail);
					articles.put(locale + "/" + slug, new VersionedArticle(detail, etag(detail)));
				}
			});
			List<ArticleDetail> all = new ArrayList<>(viewBySlug.values());
			List<ArticleDetail> newestFirst = all.stream().sorted(NEWEST_FIRST).toList();
			views.put(locale, new LocaleView(Map.copyOf(viewBySlug), newestFirst, ArticleSearchIndex.of(all)));
		}
		return new Snapshot(version, builtAt, Map.copyOf(articles), Map.copyOf(views));
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

	private record Snapshot(long version, Instant builtAt, Map<String, VersionedArticle> articles,
			Map<String, LocaleView> views) {

	}

	private record LocaleView(Map<String, ArticleDetail> bySlug, List<ArticleDetail> newestFirst,
			ArticleSearchIndex index) {

	}

}
