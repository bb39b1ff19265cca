package org.treatmentnetwork.content.articles;

import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.content.locales.ContentLocales;
import org.treatmentnetwork.content.problems.InvalidParameterException;

/**
 * The article endpoints: the public listing and article pages, and the editors' listing
 * by status ({@code ?status=draft}), which the security configuration reserves for the
 * {@code EDITOR} role.
 */
@RestController
@RequestMapping("/api/content/articles")
class ArticleController {

	private final ArticleCatalog catalog;

	private final ContentLocales locales;

	private final ArticlesProperties properties;

	ArticleController(ArticleCatalog catalog, ContentLocales locales, ArticlesProperties properties) {
		this.catalog = catalog;
		this.locales = locales;
		this.properties = properties;
	}

	@GetMapping
	Mono<ArticlePage> list(@RequestParam(name = "locale", required = false) String locale,
			@RequestParam(name = "topic", required = false) @Size(max = 64) String topic,
			@RequestParam(name = "q", required = false) @Size(max = 200) String q,
			@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
			@RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(50) int size) {
		ArticleFilter filter = new ArticleFilter(this.locales.resolve(locale), parseStatus(status), topic, q);
		return this.catalog.list(filter, page, size);
	}

	@GetMapping("/{slug}")
	Mono<ResponseEntity<ArticleDetail>> get(@PathVariable("slug") String slug,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.catalog.findPublished(slug, this.locales.resolve(locale))
			.map((versioned) -> ResponseEntity.ok()
				.eTag(versioned.etag())
				.header(HttpHeaders.CACHE_CONTROL, this.properties.cacheControl())
				.header(HttpHeaders.CONTENT_LANGUAGE, versioned.article().locale())
				.body(versioned.article()));
	}

	/**
	 * The public sees published articles only; a {@code status} parameter (editors only,
	 * enforced by the security configuration) selects drafts or published articles.
	 */
	private static ArticleStatus parseStatus(String status) {
		if (status == null) {
			return ArticleStatus.PUBLISHED;
		}
		return switch (status.strip().toLowerCase(Locale.ROOT)) {
			case "draft" -> ArticleStatus.DRAFT;
			case "published" -> ArticleStatus.PUBLISHED;
			default -> throw new InvalidParameterException("status", "must be one of: draft, published");
		};
	}

}
