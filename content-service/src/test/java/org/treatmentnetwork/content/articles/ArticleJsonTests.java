package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Collection;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;
import org.springframework.boot.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article responses serialize exactly to the public contract.
 */
@JsonTest
class ArticleJsonTests {

	@Autowired
	private JacksonTester<ArticleDetail> detailJson;

	@Autowired
	private JacksonTester<ArticlePage> pageJson;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void detailHasTheContractFieldsWithIsoDatesAndAnExplicitNullReview() throws Exception {
		ArticleDetail detail = new ArticleDetail("overdose-and-naloxone", "Opioid overdose", "How to respond.",
				"## Call 911", List.of("overdose", "naloxone"), "en", "Pending clinical review", null,
				List.of(new ArticleDetail.SourceLink("NIDA: Naloxone DrugFacts",
						"https://nida.nih.gov/publications/drugfacts/naloxone")),
				Instant.parse("2026-11-24T00:00:00Z"));

		JsonContent<ArticleDetail> json = this.detailJson.write(detail);

		assertThat(fieldNames(json.getJson())).containsExactlyInAnyOrder("slug", "title", "summary", "body", "topics",
				"locale", "reviewedBy", "lastReviewed", "sources", "updatedAt", "requestedLocale", "fallback");
		assertThat(json).extractingJsonPathStringValue("$.updatedAt").isEqualTo("2026-11-24T00:00:00Z");
		assertThat(json).extractingJsonPathValue("$.lastReviewed").isNull();
		assertThat(json.getJson()).contains("\"lastReviewed\":null");
		assertThat(json).extractingJsonPathStringValue("$.reviewedBy").isEqualTo("Pending clinical review");
		assertThat(json).extractingJsonPathStringValue("$.sources[0].url")
			.isEqualTo("https://nida.nih.gov/publications/drugfacts/naloxone");
		assertThat(json).extractingJsonPathArrayValue("$.topics").containsExactly("overdose", "naloxone");
	}

	@Test
	void reviewDateIsAPlainIsoDate() throws Exception {
		ArticleDetail detail = new ArticleDetail("s", "t", "s", "b", List.of(), "en", "Dr. Example",
				LocalDate.of(2026, 12, 1), List.of(), Instant.parse("2026-12-01T10:15:30Z"));

		assertThat(this.detailJson.write(detail)).extractingJsonPathStringValue("$.lastReviewed")
			.isEqualTo("2026-12-01");
	}

	@Test
	void pageHasItemsWithOnlyTheListingFields() throws Exception {
		ArticlePage page = new ArticlePage(List.of(new ArticleSummary("getting-off-heroin", "Getting off heroin",
				"What works.", List.of("treatment"), "en", null)), 0, 20, 1);

		JsonContent<ArticlePage> json = this.pageJson.write(page);

		assertThat(fieldNames(json.getJson())).containsExactlyInAnyOrder("items", "page", "size", "total");
		JsonNode item = this.jsonMapper.readTree(json.getJson()).get("items").get(0);
		assertThat(item.propertyNames()).containsExactlyInAnyOrder("slug", "title", "summary", "topics", "locale",
				"lastReviewed", "fallback");
		assertThat(json).extractingJsonPathNumberValue("$.total").isEqualTo(1);
		assertThat(json).extractingJsonPathNumberValue("$.page").isEqualTo(0);
		assertThat(json).extractingJsonPathNumberValue("$.size").isEqualTo(20);
	}

	@Test
	void detailRoundTrips() throws Exception {
		String json = """
				{"slug":"a","title":"T","summary":"S","body":"B","topics":["x"],"locale":"en",
				 "reviewedBy":"Pending clinical review","lastReviewed":null,
				 "sources":[{"title":"CDC","url":"https://www.cdc.gov/"}],"updatedAt":"2026-11-24T00:00:00Z",
				 "requestedLocale":"es","fallback":true}
				""";

		ArticleDetail detail = this.detailJson.parseObject(json);

		assertThat(detail.sources()).containsExactly(new ArticleDetail.SourceLink("CDC", "https://www.cdc.gov/"));
		assertThat(detail.updatedAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
		assertThat(detail.fallback()).isTrue();
		assertThat(detail.requestedLocale()).isEqualTo("es");
	}

	private Collection<String> fieldNames(String json) {
		return this.jsonMapper.readTree(json).propertyNames();
	}

}
