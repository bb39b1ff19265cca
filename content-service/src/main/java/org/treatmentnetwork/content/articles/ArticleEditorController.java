package org.treatmentnetwork.content.articles;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.content.locales.ContentLocales;

/**
 * The editors' endpoints ({@code EDITOR} role, enforced by the security configuration):
 * create a draft, read and change the working copy with {@code If-Match}, publish,
 * unpublish, version history and restore. Every answer carries the editorial entity tag
 * ({@code "r<revision>"}) to send in the next {@code If-Match}.
 */
@RestController
@RequestMapping("/api/content/articles")
class ArticleEditorController {

	private final ArticleEditor editor;

	private final ContentLocales locales;

	ArticleEditorController(ArticleEditor editor, ContentLocales locales) {
		this.editor = editor;
		this.locales = locales;
	}

	@PostMapping
	Mono<ResponseEntity<EditorialArticle>> create(@Valid @RequestBody ArticleDraft draft,
			@AuthenticationPrincipal Jwt jwt) {
		return this.editor.create(draft, staffId(jwt))
			.map((article) -> ResponseEntity
				.created(
						URI.create("/api/content/articles/" + article.slug() + "/editorial?locale=" + article.locale()))
				.eTag(article.etag())
				.body(article));
	}

	@GetMapping("/{slug}/editorial")
	Mono<ResponseEntity<EditorialArticle>> get(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.editor.get(slug, this.locales.resolve(locale)).map(ArticleEditorController::withEtag);
	}

	@PutMapping("/{slug}")
	Mono<ResponseEntity<EditorialArticle>> update(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ArticleDraft draft, @AuthenticationPrincipal Jwt jwt) {
		return this.editor.update(slug, this.locales.resolve(locale), ifMatch, draft, staffId(jwt))
			.map(ArticleEditorController::withEtag);
	}

	@PostMapping("/{slug}/publish")
	Mono<ResponseEntity<EditorialArticle>> publish(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal Jwt jwt) {
		return this.editor.publish(slug, this.locales.resolve(locale), ifMatch, staffId(jwt))
			.map(ArticleEditorController::withEtag);
	}

	@PostMapping("/{slug}/unpublish")
	Mono<ResponseEntity<EditorialArticle>> unpublish(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal Jwt jwt) {
		return this.editor.unpublish(slug, this.locales.resolve(locale), ifMatch, staffId(jwt))
			.map(ArticleEditorController::withEtag);
	}

	@GetMapping("/{slug}/versions")
	Mono<List<ArticleVersion>> versions(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.editor.versions(slug, this.locales.resolve(locale));
	}

	@GetMapping("/{slug}/versions/{revision}")
	Mono<ArticleVersionDetail> version(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@PathVariable("revision") @Min(1) long revision,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.editor.version(slug, this.locales.resolve(locale), revision).map(ArticleVersionDetail::from);
	}

	@PostMapping("/{slug}/versions/{revision}/restore")
	Mono<ResponseEntity<EditorialArticle>> restore(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@PathVariable("revision") @Min(1) long revision,
			@RequestParam(name = "locale", required = false) String locale,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal Jwt jwt) {
		return this.editor.restore(slug, this.locales.resolve(locale), revision, ifMatch, staffId(jwt))
			.map(ArticleEditorController::withEtag);
	}

	private static ResponseEntity<EditorialArticle> withEtag(EditorialArticle article) {
		return ResponseEntity.ok().eTag(article.etag()).header(HttpHeaders.CACHE_CONTROL, "no-store").body(article);
	}

	private static String staffId(Jwt jwt) {
		return (jwt != null) ? jwt.getSubject() : null;
	}

}
