package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An article as packaged in {@code seed/articles/*.json}.
 *
 * @param slug the URL name: lower-case words joined by hyphens
 * @param locale the language
 * @param title the title
 * @param summary one or two sentences
 * @param body the Markdown body
 * @param topics lower-case topic keys
 * @param reviewedBy the clinical reviewer, or the pending marker
 * @param lastReviewed the date of the last clinical review, {@code null} while pending
 * @param sources the public sources the article relies on
 * @param updatedAt when the content last changed
 * @param status the editorial status
 */
record ArticleSeed(@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
		@NotBlank @Pattern(regexp = "[a-z]{2}") String locale, @NotBlank String title, @NotBlank String summary,
		@NotBlank String body, @NotEmpty List<@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String> topics,
		@NotBlank String reviewedBy, LocalDate lastReviewed, @NotEmpty List<@Valid @NotNull Source> sources,
		@NotNull Instant updatedAt, @NotNull ArticleStatus status) {

	/** What {@code reviewedBy} says until a clinician has reviewed the article. */
	static final String PENDING_REVIEW = "Pending clinical review";

	String key() {
		return this.slug + "/" + this.locale;
	}

	ArticleDocument toDocument() {
		List<ArticleDocument.Source> documentSources = this.sources.stream()
			.map((source) -> new ArticleDocument.Source(source.title(), source.url()))
			.toList();
		return ArticleDocument.of(null, this.slug, this.locale, this.title, this.summary, this.body,
				List.copyOf(this.topics), this.reviewedBy, this.lastReviewed, documentSources, this.updatedAt,
				this.status);
	}

	/**
	 * A cited public source.
	 *
	 * @param title the source's title
	 * @param url an https address
	 */
	record Source(@NotBlank String title, @NotBlank @Pattern(regexp = "https://\\S+") String url) {

	}

}
