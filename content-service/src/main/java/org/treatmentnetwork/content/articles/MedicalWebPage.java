package org.treatmentnetwork.content.articles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema.org JSON-LD of a published article, for the website to embed in
 * {@code <script type="application/ld+json">} (it adds its own page {@code url}): a
 * {@code MedicalWebPage} with its language, dates, citations and, once a clinician has
 * reviewed it, {@code reviewedBy} and {@code lastReviewed}. While review is pending those
 * two properties are left out rather than naming anyone.
 */
final class MedicalWebPage {

	private MedicalWebPage() {
	}

	static Map<String, Object> of(ArticleDetail article) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("@context", "https://schema.org");
		page.put("@type", "MedicalWebPage");
		page.put("name", article.title());
		page.put("headline", article.title());
		page.put("description", article.summary());
		page.put("inLanguage", article.locale());
		page.put("keywords", String.join(", ", article.topics()));
		if (article.updatedAt() != null) {
			page.put("dateModified", article.updatedAt().toString());
		}
		boolean reviewed = article.lastReviewed() != null
				&& !ArticleSeed.PENDING_REVIEW.equalsIgnoreCase(article.reviewedBy());
		if (reviewed) {
			page.put("lastReviewed", article.lastReviewed().toString());
			page.put("reviewedBy", Map.of("@type", "Person", "name", article.reviewedBy()));
		}
		page.put("audience", Map.of("@type", "MedicalAudience", "audienceType", "Patient"));
		List<Map<String, String>> citations = article.sources()
			.stream()
			.map((source) -> Map.of("@type", "CreativeWork", "name", source.title(), "url", source.url()))
			.toList();
		page.put("citation", citations);
		return page;
	}

}
