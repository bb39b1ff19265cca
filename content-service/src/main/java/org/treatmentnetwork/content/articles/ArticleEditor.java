package org.treatmentnetwork.content.articles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.locales.ContentLocales;
import org.treatmentnetwork.content.mongo.MongoProperties;
import org.treatmentnetwork.content.problems.ConflictException;
import org.treatmentnetwork.content.problems.InvalidParameterException;
import org.treatmentnetwork.content.problems.NotFoundException;
import org.treatmentnetwork.content.problems.PreconditionFailedException;
import org.treatmentnetwork.content.problems.PreconditionRequiredException;

/**
 * The editorial workflow: create a draft, change the working copy, publish, unpublish,
 * version history and restore. Every change is one conditional single-document update on
 * the revision the editor last saw ({@code If-Match}), so two editors can never overwrite
 * each other silently; the state being replaced is first saved to
 * {@code article_versions} (idempotently, keyed by article and revision). Changes that
 * affect what the public sees move the shared change counter and rebuild this instance's
 * snapshot before answering.
 */
@Component
class ArticleEditor {

	private static final Logger log = LoggerFactory.getLogger(ArticleEditor.class);

	private final ReactiveMongoTemplate mongo;

	private final ArticleChanges changes;

	private final PublishedArticles published;

	private final ContentLocales locales;

	private final ArticlesProperties properties;

	private final Clock clock;

	private final Duration timeout;

	ArticleEditor(ReactiveMongoTemplate mongo, ArticleChanges changes, PublishedArticles published,
			ContentLocales locales, ArticlesProperties properties, MongoProperties mongoProperties) {
		this.mongo = mongo;
		this.changes = changes;
		this.published = published;
		this.locales = locales;
		this.properties = properties;
		this.clock = Clock.systemUTC();
		this.timeout = mongoProperties.operationTimeout();
	}

	Mono<EditorialArticle> create(ArticleDraft draft, String editor) {
		if (draft.slug() == null) {
			return Mono.error(new InvalidParameterException("slug", "must not be null"));
		}
		String locale = supportedLocale(draft.locale());
		Instant now = this.clock.instant();
		ArticleContent content = draft.toContent(now);
		ArticleDocument document = new ArticleDocument(null, draft.slug(), locale, content.title(), content.summary(),
				content.body(), content.topics(), content.reviewedBy(), content.lastReviewed(), content.sources(), now,
				ArticleStatus.DRAFT, 1L, editor, null, null);
		return this.mongo.insert(document)
			.timeout(this.timeout)
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> new ConflictException("An article with this slug already exists in this locale."))
			.map(this::editorial);
	}

	Mono<EditorialArticle> get(String slug, String locale) {
		return find(slug, locale).map(this::editorial);
	}

	Mono<EditorialArticle> update(String slug, String locale, String ifMatch, ArticleDraft draft, String editor) {
		if (draft.slug() != null && !draft.slug().equals(slug)) {
			return Mono.error(new InvalidParameterException("slug", "must match the article's address"));
		}
		if (draft.locale() != null && !draft.locale().equals(locale)) {
			return Mono.error(new InvalidParameterException("locale", "must match the article's locale"));
		}
		requireIfMatch(ifMatch);
		return find(slug, locale).flatMap((article) -> {
			checkIfMatch(article, ifMatch);
			Instant now = this.clock.instant();
			Update update = contentUpdate(draft.toContent(now), editor, article);
			if (article.status() == ArticleStatus.PUBLISHED && article.live() == null) {
				// Freeze what the public sees until the next publish.
				update.set("live", ArticleContent.workingCopyOf(article));
			}
			return change(article, update, now, false);
		});
	}

	Mono<EditorialArticle> publish(String slug, String locale, String ifMatch, String editor) {
		return find(slug, locale).flatMap((article) -> {
			checkIfMatch(article, ifMatch);
			Instant now = this.clock.instant();
			Update update = new Update().set("status", ArticleStatus.PUBLISHED)
				.set("live", ArticleContent.workingCopyOf(article))
				.set("publishedAt", now)
				.set("updatedBy", editor)
				.set("revision", article.currentRevision() + 1);
			return change(article, update, now, true);
		});
	}

	Mono<EditorialArticle> unpublish(String slug, String locale, String ifMatch, String editor) {
		return find(slug, locale).flatMap((article) -> {
			checkIfMatch(article, ifMatch);
			Instant now = this.clock.instant();
			Update update = new Update().set("status", ArticleStatus.DRAFT)
				.unset("live")
				.set("updatedBy", editor)
				.set("revision", article.currentRevision() + 1);
			return change(article, update, now, true);
		});
	}

	Mono<EditorialArticle> restore(String slug, String locale, long revision, String ifMatch, String editor) {
		requireIfMatch(ifMatch);
		return find(slug, locale).flatMap((article) -> {
			checkIfMatch(article, ifMatch);
			return this.mongo.findById(article.id() + ":" + revision, ArticleVersionDocument.class)
				.timeout(this.timeout)
				.switchIfEmpty(Mono.error(() -> new NotFoundException("This article has no such earlier version.")))
				.flatMap((version) -> {
					Instant now = this.clock.instant();
					ArticleContent old = version.content();
					ArticleContent restored = new ArticleContent(old.title(), old.summary(), old.body(), old.topics(),
							old.reviewedBy(), old.lastReviewed(), old.sources(), now);
					Update update = contentUpdate(restored, editor, article);
					if (article.status() == ArticleStatus.PUBLISHED && article.live() == null) {
						update.set("live", ArticleContent.workingCopyOf(article));
					}
					return change(article, update, now, false);
				});
		});
	}

	Mono<List<ArticleVersion>> versions(String slug, String locale) {
		return find(slug, locale).flatMap((article) -> this.mongo
			.find(new Query(Criteria.where("articleId").is(article.id()))
				.with(Sort.by(Sort.Direction.DESC, "revision")), ArticleVersionDocument.class)
			.map(ArticleVersion::of)
			.collectList()
			.timeout(this.timeout)
			.map((earlier) -> Flux.concat(Flux.just(ArticleVersion.current(article)), Flux.fromIterable(earlier)))
			.flatMap(Flux::collectList));
	}

	Mono<ArticleVersionDocument> version(String slug, String locale, long revision) {
		return find(slug, locale)
			.flatMap((article) -> this.mongo.findById(article.id() + ":" + revision, ArticleVersionDocument.class)
				.timeout(this.timeout))
			.switchIfEmpty(Mono.error(() -> new NotFoundException("This article has no such earlier version.")));
	}

	private Update contentUpdate(ArticleContent content, String editor, ArticleDocument article) {
		return new Update().set("title", content.title())
			.set("summary", content.summary())
			.set("body", content.body())
			.set("topics", content.topics())
			.set("reviewedBy", content.reviewedBy())
			.set("lastReviewed", content.lastReviewed())
			.set("sources", content.sources())
			.set("updatedAt", content.updatedAt())
			.set("updatedBy", editor)
			.set("revision", article.currentRevision() + 1);
	}

	/**
	 * Save the state being replaced, then apply the change only if nobody changed the
	 * article since it was read.
	 */
	private Mono<EditorialArticle> change(ArticleDocument article, Update update, Instant now, boolean publicChange) {
		Query unchanged = new Query(Criteria.where("_id").is(article.id()).andOperator(revisionIs(article)));
		Mono<ArticleDocument> applied = this.mongo.save(ArticleVersionDocument.of(article, now))
			.then(this.mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true),
					ArticleDocument.class))
			.timeout(this.timeout)
			.switchIfEmpty(Mono.error(() -> new PreconditionFailedException(
					"The article was changed by someone else. Reload it and apply your change again.")));
		if (!publicChange && article.status() != ArticleStatus.PUBLISHED) {
			return applied.map(this::editorial);
		}
		return applied.flatMap((changed) -> this.changes.bump()
			.then(this.published.refresh())
			.timeout(this.timeout)
			.onErrorResume((ex) -> {
				// The change is stored; the pollers pick it up. Do not report a saved
				// change as failed.
				log.warn("Change of an article saved, but refreshing the public snapshot failed ({})",
						ex.getClass().getSimpleName());
				return Mono.empty();
			})
			.thenReturn(changed)).map(this::editorial);
	}

	private static Criteria revisionIs(ArticleDocument article) {
		long revision = article.currentRevision();
		if (revision == 1L) {
			return new Criteria().orOperator(Criteria.where("revision").is(1L),
					Criteria.where("revision").exists(false));
		}
		return Criteria.where("revision").is(revision);
	}

	private Mono<ArticleDocument> find(String slug, String locale) {
		return this.mongo
			.findOne(new Query(Criteria.where("slug").is(slug).and("locale").is(locale)), ArticleDocument.class)
			.timeout(this.timeout)
			.switchIfEmpty(Mono.error(() -> new NotFoundException("No article has this slug in this locale.")));
	}

	private static void requireIfMatch(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new PreconditionRequiredException(
					"Send the article's current ETag in If-Match, so that no one else's change is overwritten.");
		}
	}

	private void checkIfMatch(ArticleDocument article, String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return;
		}
		String current = editorial(article).etag();
		boolean matches = Arrays.stream(ifMatch.split(","))
			.map(String::strip)
			.anyMatch((tag) -> tag.equals("*") || tag.equals(current));
		if (!matches) {
			throw new PreconditionFailedException(
					"The article was changed since you loaded it. Reload it and apply your change again.");
		}
	}

	private String supportedLocale(String locale) {
		if (locale == null) {
			throw new InvalidParameterException("locale", "must not be null");
		}
		return this.locales.resolve(locale);
	}

	private EditorialArticle editorial(ArticleDocument document) {
		return EditorialArticle.from(document, LocalDate.now(this.clock), this.properties.reviewIntervalMonths());
	}

}
