package org.treatmentnetwork.content.articles;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User input in an article listing only ever becomes literal values.
 */
class ArticleQueriesTests {

	@ParameterizedTest
	@ValueSource(strings = { ".*", "$where", "^", "a|b", "(", "[", "\\", "\\E", "\\Q.*", "{1}", "+?", "#", "a.b",
			"naloxone?", "6-MAM", "über", "$ne" })
	void literalPatternMatchesTheTextItselfAndNothingElse(String text) {
		Pattern pattern = Pattern.compile(ArticleQueries.literalPattern(text), Pattern.CASE_INSENSITIVE);

		assertThat(pattern.matcher("before " + text + " after").find()).isTrue();
		assertThat(pattern.matcher("x".repeat(3)).find()).isFalse();
		assertThat(pattern.matcher("").find()).isFalse();
	}

	@Test
	void regexMetacharactersAreEscaped() {
		assertThat(ArticleQueries.literalPattern(".*")).isEqualTo("\\.\\*");
		assertThat(ArticleQueries.literalPattern("$where")).isEqualTo("\\$where");
		assertThat(ArticleQueries.literalPattern("MOUD")).isEqualTo("MOUD");
	}

	@Test
	void wordsAreSplitOnWhiteSpaceDeduplicatedStrippedOfControlCharactersAndCapped() {
		assertThat(ArticleQueries.words("  naloxone\tovERdose  naloxone ")).containsExactly("naloxone", "ovERdose");
		assertThat(ArticleQueries.words("nal\u0000oxone")).containsExactly("naloxone");
		assertThat(ArticleQueries.words("1 2 3 4 5 6 7 8 9 10 11 12")).hasSize(ArticleQueries.MAX_WORDS);
		assertThat(ArticleQueries.words(null)).isEmpty();
		assertThat(ArticleQueries.words("   ")).isEmpty();
	}

	@Test
	void publicListingAlwaysFiltersOnStatusAndLocale() {
		Document query = ArticleQueries
			.criteria(new ArticleFilter("en", ArticleStatus.PUBLISHED, " Naloxone ", "$where"))
			.getCriteriaObject();

		@SuppressWarnings("unchecked")
		List<Document> parts = (List<Document>) query.get("$and");
		assertThat(parts).contains(new Document("status", "PUBLISHED"), new Document("locale", "en"),
				new Document("topics", "naloxone"));
		assertThat(query.toJson()).doesNotContain("\"$where\"");
	}

	@Test
	void aBlankTopicIsNoFilter() {
		assertThat(ArticleQueries.normalizeTopic("  ")).isNull();
		assertThat(ArticleQueries.normalizeTopic(null)).isNull();
	}

}
