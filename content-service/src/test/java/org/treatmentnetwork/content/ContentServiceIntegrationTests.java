package org.treatmentnetwork.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.treatmentnetwork.servicedefaults.openapi.CommittedContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.content.seed.SeedReport;
import org.treatmentnetwork.content.seed.Seeder;
import org.treatmentnetwork.content.support.MongoTestServer;
import org.treatmentnetwork.content.support.Readiness;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service against an in-process MongoDB wire-protocol server, with real RS256
 * staff tokens: seeding and readiness, the public endpoints, literal search, caching and
 * the editors' draft listing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ContentServiceIntegrationTests {

	private static final TestStaffTokens TOKENS = TestStaffTokens.shared();

	private static final List<String> SEEDED_SLUGS = List.of("where-heroin-comes-from", "why-heroin-is-so-addictive",
			"getting-off-heroin", "medications-for-opioid-use-disorder", "overdose-and-naloxone",
			"what-to-expect-in-detox", "helping-a-loved-one");

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private List<Seeder> seeders;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("content-integration"));
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
		registry.add("content.seed.first-backoff", () -> "100ms");
	}

	@BeforeEach
	void awaitReadiness() {
		Readiness.await(this.client, Duration.ofSeconds(30));
	}

	/**
	 * The document the service serves is the one committed under
	 * {@code contracts/openapi/}: a contract change fails here until the new document is
	 * committed with it.
	 */
	@Test
	void servesTheCommittedOpenApiDocument() throws Exception {
		CommittedContract.assertServedBy(this.client, "content-service");
	}

	@Test
	void listsTheSeededArticles() {
		this.client.get()
			.uri("/api/content/articles?locale=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(SEEDED_SLUGS.size())
			.jsonPath("$.page")
			.isEqualTo(0)
			.jsonPath("$.size")
			.isEqualTo(20)
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).containsExactlyInAnyOrderElementsOf(SEEDED_SLUGS))
			.jsonPath("$.items[*].locale")
			.value((List<String> locales) -> assertThat(locales).containsOnly("en"))
			.jsonPath("$.items[0].body")
			.doesNotExist();
	}

	@Test
	void pagesThroughTheArticles() {
		this.client.get()
			.uri("/api/content/articles?page=1&size=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(2)
			.jsonPath("$.total")
			.isEqualTo(SEEDED_SLUGS.size())
			.jsonPath("$.page")
			.isEqualTo(1);
	}

	@Test
	void servesAnArticleWithEtagAndAnswersNotModified() {
		String etag = this.client.get()
			.uri("/api/content/articles/medications-for-opioid-use-disorder?locale=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL,
					"public, max-age=300, stale-while-revalidate=60, stale-if-error=86400")
			.expectBody()
			.jsonPath("$.slug")
			.isEqualTo("medications-for-opioid-use-disorder")
			.jsonPath("$.locale")
			.isEqualTo("en")
			.jsonPath("$.reviewedBy")
			.isEqualTo("Pending clinical review")
			.jsonPath("$.lastReviewed")
			.isEmpty()
			.jsonPath("$.updatedAt")
			.isEqualTo("2026-12-02T00:00:00Z")
			.jsonPath("$.sources[0].url")
			.isNotEmpty()
			.jsonPath("$.body")
			.value((String body) -> assertThat(body).contains("does not relieve withdrawal"))
			.returnResult()
			.getResponseHeaders()
			.getETag();

		assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\"");

		this.client.get()
			.uri("/api/content/articles/medications-for-opioid-use-disorder?locale=en")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectBody()
			.isEmpty();

		this.client.get()
			.uri("/api/content/articles/getting-off-heroin")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void unknownSlugIsNotFound() {
		this.client.get()
			.uri("/api/content/articles/not-an-article")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void filtersByTopic() {
		this.client.get()
			.uri("/api/content/articles?topic=naloxone")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].slug")
			.isEqualTo("overdose-and-naloxone");
	}

	@Test
	void ranksArticlesByEveryWordCaseInsensitively() {
		this.client.get()
			.uri("/api/content/articles?q=HEROIN addictive")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).first().isEqualTo("why-heroin-is-so-addictive"));

		this.client.get()
			.uri("/api/content/articles?q=mat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).contains("medications-for-opioid-use-disorder"));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { ".*", "$where", "{\"$ne\":null}", "^", "(*)", "[a-z]+", "\\", "heroin|naloxone", "zq\u0000x" })
	void treatsSearchTextAsLiteralWords(String q) {
		this.client.get()
			.uri((uri) -> uri.path("/api/content/articles").queryParam("q", "{q}").build(q))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0)
			.jsonPath("$.items")
			.isEmpty();
	}

	@Test
	void matchesPunctuationLiterally() {
		this.client.get()
			.uri((uri) -> uri.path("/api/content/articles").queryParam("q", "{q}").build("(MOUD,"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).first().isEqualTo("medications-for-opioid-use-disorder"));
	}

	@Test
	void buprenorphineRanksTheMedicationsArticleFirst() {
		for (String query : List.of("q=buprenorphine&locale=en", "q=buprenorfina&locale=es")) {
			this.client.get()
				.uri("/api/content/articles?" + query)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[0].slug")
				.isEqualTo("medications-for-opioid-use-disorder")
				.jsonPath("$.total")
				.value((Integer total) -> assertThat(total).isGreaterThan(1));
		}
	}

	@Test
	void stemmingMatchesOtherFormsOfAWord() {
		// The seed articles say "withdrawal", never "withdraw" or "withdrawing".
		for (String q : List.of("withdraw", "withdrawing", "Withdrawals")) {
			this.client.get()
				.uri("/api/content/articles?q=" + q)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[*].slug")
				.value((List<String> slugs) -> assertThat(slugs).contains("getting-off-heroin",
						"medications-for-opioid-use-disorder", "why-heroin-is-so-addictive"));
		}
		// Spanish stemming: "abstinencias" finds articles saying "abstinencia".
		this.client.get()
			.uri("/api/content/articles?locale=es&q=abstinencias")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).contains("getting-off-heroin",
					"medications-for-opioid-use-disorder"));
	}

	@Test
	void moudAndMatBothFindTheMedicationsArticle() {
		for (String q : List.of("MOUD", "mat", "medication-assisted treatment")) {
			this.client.get()
				.uri((uri) -> uri.path("/api/content/articles").queryParam("q", "{q}").build(q))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[*].slug")
				.value((List<String> slugs) -> assertThat(slugs).contains("medications-for-opioid-use-disorder"));
		}
	}

	@Test
	void nonsenseFindsNothing() {
		this.client.get()
			.uri("/api/content/articles?q=zzyzx qwertyuiop")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
	}

	@Test
	void servesEverySeededArticleInSpanish() {
		this.client.get()
			.uri("/api/content/articles/overdose-and-naloxone?locale=es")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "es")
			.expectBody()
			.jsonPath("$.locale")
			.isEqualTo("es")
			.jsonPath("$.fallback")
			.isEqualTo(false)
			.jsonPath("$.title")
			.value((String title) -> assertThat(title).startsWith("Sobredosis"));

		this.client.get()
			.uri("/api/content/articles/where-heroin-comes-from?locale=es")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "es")
			.expectBody()
			.jsonPath("$.locale")
			.isEqualTo("es")
			.jsonPath("$.fallback")
			.isEqualTo(false)
			.jsonPath("$.title")
			.isEqualTo("De dónde viene la heroína");

		this.client.get()
			.uri("/api/content/articles?locale=es")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(SEEDED_SLUGS.size())
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).containsExactlyInAnyOrderElementsOf(SEEDED_SLUGS))
			.jsonPath("$.items[*].locale")
			.value((List<String> locales) -> assertThat(locales).containsOnly("es"))
			.jsonPath("$.items[*].fallback")
			.value((List<Boolean> fallback) -> assertThat(fallback).containsOnly(false));

		this.client.get()
			.uri("/api/content/crisis-resources?locale=es")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "es")
			.expectBody()
			.jsonPath("$[1].name")
			.isEqualTo("Línea Nacional de Ayuda de SAMHSA");
	}

	@Test
	void draftsAreHiddenFromThePublicAndListedForEditors() {
		Document draft = new Document("_id", "integration-test-draft").append("slug", "upcoming-article")
			.append("locale", "en")
			.append("title", "An upcoming article")
			.append("summary", "Not reviewed yet.")
			.append("body", "Draft body")
			.append("topics", List.of("naloxone"))
			.append("reviewedBy", "Pending clinical review")
			.append("lastReviewed", null)
			.append("sources", List.of(Map.of("title", "CDC", "url", "https://www.cdc.gov/")))
			.append("updatedAt", java.util.Date.from(Instant.parse("2026-11-25T00:00:00Z")))
			.append("status", "DRAFT");
		StepVerifier.create(this.mongo.save(draft, "articles")).expectNextCount(1).verifyComplete();

		this.client.get()
			.uri("/api/content/articles?topic=naloxone")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).doesNotContain("upcoming-article"));
		this.client.get().uri("/api/content/articles/upcoming-article").exchange().expectStatus().isNotFound();
		this.client.get().uri("/api/content/articles?status=draft").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/api/content/articles?status=draft")
			.headers((headers) -> headers.setBearerAuth(TOKENS.token("agent-7", "INTAKE_AGENT")))
			.exchange()
			.expectStatus()
			.isForbidden();

		this.client.get()
			.uri("/api/content/articles?status=draft")
			.headers((headers) -> headers.setBearerAuth(TOKENS.token("editor-1", "EDITOR")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].slug")
			.isEqualTo("upcoming-article");
	}

	@Test
	void listsTheTreatmentApproachesInOrder() {
		this.client.get()
			.uri("/api/content/treatment-approaches?locale=es")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].key")
			.value((List<String> keys) -> assertThat(keys).containsExactly("medical-detox",
					"medication-assisted-treatment", "behavioral-therapies", "support-groups", "holistic-recovery",
					"professional-support"))
			.jsonPath("$[*].locale")
			.value((List<String> locales) -> assertThat(locales).containsOnly("es"));
	}

	@Test
	void servesCrisisResources() {
		this.client.get()
			.uri("/api/content/crisis-resources")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].phone")
			.value((List<String> phones) -> assertThat(phones).containsExactly("988", "1-800-662-4357", "911"));
	}

	@Test
	void seedingAgainInsertsNothing() {
		for (Seeder seeder : this.seeders) {
			StepVerifier.create(seeder.seed())
				.assertNext((SeedReport report) -> assertThat(report.inserted()).isZero())
				.verifyComplete();
		}
		StepVerifier.create(this.mongo.count(new Query(), "treatment_approaches")).expectNext(12L).verifyComplete();
	}

	@Test
	void createsTheUniqueIndexesItReliesOn() {
		StepVerifier
			.create(this.mongo.indexOps("articles")
				.getIndexInfo()
				.filter(ContentServiceIntegrationTests::isUniqueSecondary)
				.map(IndexInfo::getName))
			.expectNext("slug_locale_unique")
			.verifyComplete();
		StepVerifier
			.create(this.mongo.indexOps("treatment_approaches")
				.getIndexInfo()
				.filter(ContentServiceIntegrationTests::isUniqueSecondary)
				.map(IndexInfo::getName))
			.expectNext("key_locale_unique")
			.verifyComplete();
	}

	private static boolean isUniqueSecondary(IndexInfo index) {
		return index.isUnique() && !"_id_".equals(index.getName());
	}

	@Test
	void exposesOnlyTheAgreedActuatorEndpoints() {
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
	}

}
