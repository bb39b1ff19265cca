package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking, stemming and query hygiene of the Lucene article index.
 */
class ArticleSearchIndexTests {

	private static final ArticleSearchIndex INDEX = ArticleSearchIndex.of(List.of(
			article("withdraw-safely", "en", "How to withdraw safely", "Stopping opioids with help.", "Body text.",
					List.of("detox")),
			article("medications", "en", "Medications for opioid use disorder (MOUD, also called MAT)",
					"Buprenorphine and methadone.", "Buprenorphine relieves withdrawal.", List.of("moud", "mat")),
			article("naloxone", "en", "Naloxone", "Reverses an overdose.", "Mentions buprenorphine once.",
					List.of("overdose")),
			article("abstinencia", "es", "La abstinencia de opioides", "Qué esperar.", "Los síntomas de abstinencia.",
					List.of("withdrawal"))));

	@Test
	void withdrawalFindsWithdraw() {
		assertThat(INDEX.search("withdrawal")).contains("withdraw-safely", "medications");
		assertThat(INDEX.search("withdrawing")).contains("withdraw-safely", "medications");
	}

	@Test
	void aMatchInTheTitleOrTopicsRanksFirst() {
		assertThat(INDEX.search("buprenorphine")).containsExactly("medications", "naloxone");
		assertThat(INDEX.search("MAT")).first().isEqualTo("medications");
		assertThat(INDEX.search("moud")).first().isEqualTo("medications");
	}

	@Test
	void spanishWordsAreStemmedWithTheSpanishAnalyzer() {
		assertThat(INDEX.search("abstinencias")).containsExactly("abstinencia");
		assertThat(INDEX.search("síntoma")).containsExactly("abstinencia");
	}

	@Test
	void everyWordMustMatchInShortQueries() {
		assertThat(INDEX.search("naloxone overdose")).containsExactly("naloxone");
		assertThat(INDEX.search("naloxone methadone")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "*", "?", "title:naloxone", "naloxone~", "buprenorphine*", "$where",
			"{\"$ne\":null}", "(*)", "[a-z]+", "\\", "a|b", "AND OR NOT", "zzyzx", "+-&&||!(){}[]^\"~*?:\\/",
			"the of and" })
	void operatorsStopWordsAndNonsenseFindNothing(String q) {
		assertThat(INDEX.search(q)).isEmpty();
	}

	@Test
	void surroundingPunctuationIsIgnored() {
		assertThat(INDEX.search("(MOUD,")).containsExactly("medications");
		assertThat(INDEX.search("¿naloxone?")).containsExactly("naloxone");
	}

	@Test
	void wordsAreNormalisedAndCapped() {
		assertThat(ArticleSearchIndex.words("  Naloxone\tnaloxone  OVERDOSE ")).containsExactly("naloxone", "overdose");
		assertThat(ArticleSearchIndex.words("nal\u0000oxone")).containsExactly("naloxone");
		assertThat(ArticleSearchIndex.words("1 2 3 4 5 6 7 8 9 10 11 12")).hasSize(ArticleSearchIndex.MAX_WORDS);
		assertThat(ArticleSearchIndex.words(null)).isEmpty();
	}

	private static ArticleDetail article(String slug, String locale, String title, String summary, String body,
			List<String> topics) {
		return new ArticleDetail(slug, title, summary, body, topics, locale, ArticleSeed.PENDING_REVIEW, null,
				List.of(), Instant.parse("2026-11-24T00:00:00Z"));
	}

}
