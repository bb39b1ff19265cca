package org.treatmentnetwork.content.articles;

import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.content.locales.ContentLocales;
import org.treatmentnetwork.content.problems.InvalidParameterException;
import org.treatmentnetwork.servicedefaults.openapi.ProblemResponse;

/**
 * The article endpoints: the public listing and article pages, and the editors' listing
 * by status ({@code ?status=draft}), which the security configuration reserves for the
 * {@code EDITOR} role.
 */
@Tag(name = "Articles", description = "Published treatment articles in English and Spanish: public")
@RestController
@RequestMapping("/api/content/articles")
class ArticleController {

	/** Lower-case words of letters and digits joined by single hyphens. */
	static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

	/**
	 * Public listings and search results: short-lived, usable stale if the service fails.
	 */
	static final String LISTING_CACHE_CONTROL = "public, max-age=60, stale-if-error=86400";

	private final ArticleCatalog catalog;

	private final ContentLocales locales;

	private final ArticlesProperties properties;

	ArticleController(ArticleCatalog catalog, ContentLocales locales, ArticlesProperties properties) {
		this.catalog = catalog;
		this.locales = locales;
		this.properties = properties;
	}

	@Operation(summary = "List or search published articles",
			description = "Published articles, newest first or ranked by `q`. Editors may add `status` "
					+ "(`draft`, `published`, `all`) to list working copies; that needs the `EDITOR` role.")
	@ProblemResponse(status = 401, type = "unauthorized", description = "With `status`: no token, or an invalid one")
	@ProblemResponse(status = 403, type = "forbidden", description = "With `status`: the token has no `EDITOR` role")
	@GetMapping
	Mono<ResponseEntity<ArticlePage>> list(@RequestParam(name = "locale", required = false) String locale,
			@RequestParam(name = "topic", required = false) @Size(max = 64) String topic,
			@RequestParam(name = "q", required = false) @Size(max = 200) String q,
			@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
			@RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(50) int size) {
		String resolved = this.locales.resolve(locale);
		ArticleFilter filter = (status != null) ? new ArticleFilter(resolved, parseStatus(status), topic, q, true)
				: new ArticleFilter(resolved, ArticleStatus.PUBLISHED, topic, q);
		// Public listings may be cached briefly by browsers and shared caches; the
		// editors'
		// listing never.
		String cacheControl = filter.editorial() ? "no-store" : LISTING_CACHE_CONTROL;
		return this.catalog.list(filter, page, size)
			.map((result) -> ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, cacheControl).body(result));
	}

	@Operation(summary = "Read a published article",
			description = "With a strong `ETag`; `If-None-Match` with the current tag answers `304`. "
					+ "A missing translation serves the English article, marked `fallback: true`.")
	@ApiResponse(responseCode = "200", description = "The article")
	@ApiResponse(responseCode = "304", description = "Not modified: `If-None-Match` holds the current tag")
	@ProblemResponse(status = 404, type = "not-found", description = "No article has this slug in this locale")
	@GetMapping("/{slug}")
	Mono<ResponseEntity<ArticleDetail>> get(@PathVariable("slug") @Size(max = 100) @Pattern(regexp = SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.catalog.findPublished(slug, this.locales.resolve(locale))
			.map((versioned) -> ResponseEntity.ok()
				.eTag(versioned.etag())
				.header(HttpHeaders.CACHE_CONTROL, this.properties.cacheControl())
				.header(HttpHeaders.CONTENT_LANGUAGE, versioned.article().locale())
				.body(versioned.article()));
	}

	/**
	 * The schema.org {@code MedicalWebPage} JSON-LD of a published article.
	 */
	@Operation(summary = "The schema.org MedicalWebPage of a published article",
			description = "JSON-LD for the website to embed")
	@ProblemResponse(status = 404, type = "not-found", description = "No article has this slug in this locale")
	@GetMapping(path = "/{slug}/json-ld", produces = { "application/ld+json", "application/json" })
	Mono<ResponseEntity<Map<String, Object>>> jsonLd(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.catalog.findPublished(slug, this.locales.resolve(locale))
			.map((versioned) -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, this.properties.cacheControl())
				.header(HttpHeaders.CONTENT_LANGUAGE, versioned.article().locale())
				.body(MedicalWebPage.of(versioned.article())));
	}

	/**
	 * The public sees published articles only; a {@code status} parameter (editors only,
	 * enforced by the security configuration) selects drafts or published articles.
	 */
	private static ArticleStatus parseStatus(String status) {
		return switch (status.strip().toLowerCase(Locale.ROOT)) {
			case "draft" -> ArticleStatus.DRAFT;
			case "published" -> ArticleStatus.PUBLISHED;
			case "all" -> null;
			default -> throw new InvalidParameterException("status", "must be one of: draft, published, all");
		};
	}

}
