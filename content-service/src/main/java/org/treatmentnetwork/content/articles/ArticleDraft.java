package org.treatmentnetwork.content.articles;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an editor sends to create an article ({@code slug} and {@code locale} required) or
 * to replace its working copy ({@code slug} and {@code locale}, if sent, must match the
 * address). Unknown fields are rejected.
 *
 * @param slug the URL name: lower-case words joined by hyphens
 * @param locale the language
 * @param title the title
 * @param summary one or two sentences
 * @param body the Markdown body, at most 100,000 characters
 * @param topics lower-case topic keys
 * @param reviewedBy the clinician who reviewed the content; omit while review is pending
 * @param lastReviewed the date of that review; omit while review is pending
 * @param sources public sources the article relies on
 */
record ArticleDraft(@Size(max = 100) @Pattern(regexp = ArticleController.SLUG) String slug,
		@Pattern(regexp = "[a-z]{2}") String locale, @NotBlank @Size(max = 200) String title,
		@NotBlank @Size(max = 600) String summary, @NotBlank @Size(max = 100_000) String body,
		@Size(max = 20) List<@NotNull @Size(max = 64) @Pattern(regexp = ArticleController.SLUG) String> topics,
		@Size(max = 200) String reviewedBy, @PastOrPresent LocalDate lastReviewed,
		@Size(max = 30) List<@Valid @NotNull Source> sources) {

	/**
	 * A named reviewer and a review date go together; the pending marker is never a
	 * reviewer.
	 * @return whether the review fields are consistent
	 */
	@AssertTrue(message = "reviewedBy and lastReviewed must be given together, or both omitted while review is pending")
	boolean isReviewConsistent() {
		boolean named = this.reviewedBy != null && !this.reviewedBy.isBlank()
				&& !ArticleSeed.PENDING_REVIEW.equalsIgnoreCase(this.reviewedBy.strip());
		return named == (this.lastReviewed != null);
	}

	ArticleContent toContent(java.time.Instant now) {
		boolean named = this.lastReviewed != null;
		return new ArticleContent(this.title.strip(), this.summary.strip(), this.body,
				(this.topics != null) ? List.copyOf(this.topics) : List.of(),
				named ? this.reviewedBy.strip() : ArticleSeed.PENDING_REVIEW, this.lastReviewed,
				(this.sources != null) ? this.sources.stream()
					.map((source) -> new ArticleDocument.Source(source.title().strip(), source.url()))
					.toList() : List.of(),
				now);
	}

	/**
	 * A cited public source.
	 *
	 * @param title the source's title
	 * @param url an https address
	 */
	record Source(@NotBlank @Size(max = 300) String title,
			@NotBlank @Size(max = 2000) @Pattern(regexp = "https://\\S+") String url) {

	}

}
