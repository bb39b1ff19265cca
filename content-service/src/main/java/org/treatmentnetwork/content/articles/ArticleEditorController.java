package org.treatmentnetwork.content.articles;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

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
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.openapi.ProblemResponse;

/**
 * The editors' endpoints ({@code EDITOR} role, enforced by the security configuration):
 * create a draft, read and change the working copy with {@code If-Match}, publish,
 * unpublish, version history and restore. Every answer carries the editorial entity tag
 * ({@code "r<revision>"}) to send in the next {@code If-Match}.
 */
@Tag(name = "Editorial", description = "Drafts, review, publication and version history of articles")
@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = "EDITOR")
@RestController
@RequestMapping("/api/content/articles")
class ArticleEditorController {

	private final ArticleEditor editor;

	private final ContentLocales locales;

	ArticleEditorController(ArticleEditor editor, ContentLocales locales) {
		this.editor = editor;
		this.locales = locales;
	}

	@Operation(summary = "Create a draft",
			description = "`slug` and `locale` are required. Answers `201` with `Location` and `ETag: \"r1\"`.")
	@ApiResponse(responseCode = "201", description = "The draft, status `DRAFT`")
	@ProblemResponse(status = 409, type = "conflict", description = "The slug already exists in that locale")
	@ProblemResponse(status = 413, type = "content-too-large", description = "The request is over 256 KB")
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

	@Operation(summary = "Read the working copy", description = "With its workflow state and `ETag`")
	@ProblemResponse(status = 404, type = "not-found", description = "No article has this slug in this locale")
	@GetMapping("/{slug}/editorial")
	Mono<ResponseEntity<EditorialArticle>> get(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.editor.get(slug, this.locales.resolve(locale)).map(ArticleEditorController::withEtag);
	}

	@Operation(summary = "Save the working copy",
			description = "Needs `If-Match`. Saving a published article changes only the working copy "
					+ "until it is published again.")
	@ProblemResponse(status = 404, type = "not-found", description = "No article has this slug in this locale")
	@ProblemResponse(status = 412, type = "precondition-failed",
			description = "`If-Match` holds a stale entity tag: someone saved in between")
	@ProblemResponse(status = 428, type = "precondition-required", description = "`If-Match` is missing")
	@ProblemResponse(status = 413, type = "content-too-large", description = "The request is over 256 KB")
	@PutMapping("/{slug}")
	Mono<ResponseEntity<EditorialArticle>> update(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ArticleDraft draft, @AuthenticationPrincipal Jwt jwt) {
		return this.editor.update(slug, this.locales.resolve(locale), ifMatch, draft, staffId(jwt))
			.map(ArticleEditorController::withEtag);
	}

	@Operation(summary = "Publish the working copy",
			description = "The public sees it at once on this instance, within one poll on the others. "
					+ "`If-Match` is optional and checked when sent.")
	@ProblemResponse(status = 404, type = "not-found", description = "No article has this slug in this locale")
	@ProblemResponse(status = 412, type = "precondition-failed",
			description = "`If-Match` holds a stale entity tag: someone saved in between")
	@PostMapping("/{slug}/publish")
	Mono<ResponseEntity<EditorialArticle>> publish(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal Jwt jwt) {
		return this.editor.publish(slug, this.locales.resolve(locale), ifMatch, staffId(jwt))
			.map(ArticleEditorController::withEtag);
	}

	@Operation(summary = "Withdraw a published article", description = "Back to `DRAFT`; the public then gets `404`")
	@ProblemResponse(status = 404, type = "not-found", description = "No article has this slug in this locale")
	@ProblemResponse(status = 412, type = "precondition-failed",
			description = "`If-Match` holds a stale entity tag: someone saved in between")
	@PostMapping("/{slug}/unpublish")
	Mono<ResponseEntity<EditorialArticle>> unpublish(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal Jwt jwt) {
		return this.editor.unpublish(slug, this.locales.resolve(locale), ifMatch, staffId(jwt))
			.map(ArticleEditorController::withEtag);
	}

	@Operation(summary = "The version history", description = "The current revision first, then newest first")
	@ProblemResponse(status = 404, type = "not-found", description = "No article has this slug in this locale")
	@GetMapping("/{slug}/versions")
	Mono<List<ArticleVersion>> versions(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.editor.versions(slug, this.locales.resolve(locale));
	}

	@Operation(summary = "Read one version")
	@ProblemResponse(status = 404, type = "not-found", description = "No such article or version")
	@GetMapping("/{slug}/versions/{revision}")
	Mono<ArticleVersionDetail> version(
			@PathVariable("slug") @Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
			@PathVariable("revision") @Min(1) long revision,
			@RequestParam(name = "locale", required = false) String locale) {
		return this.editor.version(slug, this.locales.resolve(locale), revision).map(ArticleVersionDetail::from);
	}

	@Operation(summary = "Restore a version into the working copy",
			description = "Copies that version's content into the working copy as a new revision; publish to make it public")
	@ProblemResponse(status = 404, type = "not-found", description = "No such article or version")
	@ProblemResponse(status = 412, type = "precondition-failed",
			description = "`If-Match` holds a stale entity tag: someone saved in between")
	@ProblemResponse(status = 428, type = "precondition-required", description = "`If-Match` is missing")
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
