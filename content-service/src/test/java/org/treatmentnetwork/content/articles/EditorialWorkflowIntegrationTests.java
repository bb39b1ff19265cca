package org.treatmentnetwork.content.articles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.content.support.MongoTestServer;
import org.treatmentnetwork.content.support.Readiness;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The editorial workflow end to end against the embedded MongoDB wire-protocol server
 * with real RS256 tokens: drafts, If-Match, publish and unpublish, history and restore,
 * review flags, JSON-LD, and the change counter that keeps several instances consistent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Headroom for the first requests on a busy two-core machine (index build, JIT).
@AutoConfigureWebTestClient(timeout = "15s")
class EditorialWorkflowIntegrationTests {

	private static final TestStaffTokens TOKENS = TestStaffTokens.shared();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private ArticleChanges changes;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("content-editorial"));
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
		registry.add("content.seed.first-backoff", () -> "100ms");
		registry.add("content.articles.refresh-interval", () -> "200ms");
	}

	@BeforeEach
	void awaitReadiness() {
		Readiness.await(this.client, Duration.ofSeconds(90));
	}

	@Test
	void draftToPublishedWithOptimisticConcurrencyHistoryAndRestore() {
		String slug = uniqueSlug();
		String word = "zebrafinch" + SEQUENCE.incrementAndGet();
		String etag = editor().post()
			.uri("/api/content/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(draft(slug, "First title", "Mentions " + word + " once.", null, null))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"r1\"")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT")
			.jsonPath("$.reviewedBy")
			.isEqualTo("Pending clinical review")
			.jsonPath("$.reviewPending")
			.isEqualTo(true)
			.returnResult()
			.getResponseHeaders()
			.getETag();

		// The same slug again is a conflict.
		editor().post()
			.uri("/api/content/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(draft(slug, "Again", "Again.", null, null))
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		// Drafts are invisible to the public: page, listing, search.
		this.client.get().uri("/api/content/articles/" + slug).exchange().expectStatus().isNotFound();
		assertPublicSearch(word, List.of());

		// Without If-Match: 428. With a wrong one: 412.
		editor().put()
			.uri("/api/content/articles/" + slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(draft(slug, "Second title", "Mentions " + word + " twice.", null, null))
			.exchange()
			.expectStatus()
			.isEqualTo(428);
		editor().put()
			.uri("/api/content/articles/" + slug)
			.header(HttpHeaders.IF_MATCH, "\"r7\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(draft(slug, "Second title", "Mentions " + word + " twice.", null, null))
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		etag = editor().put()
			.uri("/api/content/articles/" + slug)
			.header(HttpHeaders.IF_MATCH, etag)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(draft(slug, "Second title", "Mentions " + word + " twice.", null, null))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"r2\"")
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getETag();

		// The first ETag is now stale.
		editor().put()
			.uri("/api/content/articles/" + slug)
			.header(HttpHeaders.IF_MATCH, "\"r1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(draft(slug, "Lost update", "Lost.", null, null))
			.exchange()
			.expectStatus()
			.isEqualTo(412);

		etag = editor().post()
			.uri("/api/content/articles/" + slug + "/publish")
			.header(HttpHeaders.IF_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PUBLISHED")
			.returnResult()
			.getResponseHeaders()
			.getETag();

		this.client.get()
			.uri("/api/content/articles/" + slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Second title");
		assertPublicSearch(word, List.of(slug));

		this.client.get()
			.uri("/api/content/articles/" + slug + "/json-ld")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.valueOf("application/ld+json"))
			.expectBody()
			.jsonPath("$['@type']")
			.isEqualTo("MedicalWebPage")
			.jsonPath("$.reviewedBy")
			.doesNotExist();

		editor().get()
			.uri("/api/content/articles/" + slug + "/versions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].revision")
			.value((List<Integer> revisions) -> assertThat(revisions).containsExactly(3, 2, 1))
			.jsonPath("$[0].current")
			.isEqualTo(true);

		// Restoring revision 1 changes the working copy; the public keeps the published
		// content until the next publish.
		etag = editor().post()
			.uri("/api/content/articles/" + slug + "/versions/1/restore")
			.header(HttpHeaders.IF_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("First title")
			.jsonPath("$.hasUnpublishedChanges")
			.isEqualTo(true)
			.returnResult()
			.getResponseHeaders()
			.getETag();
		this.client.get()
			.uri("/api/content/articles/" + slug)
			.exchange()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Second title");

		editor().post()
			.uri("/api/content/articles/" + slug + "/publish")
			.header(HttpHeaders.IF_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/content/articles/" + slug)
			.exchange()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("First title");

		editor().post().uri("/api/content/articles/" + slug + "/unpublish").exchange().expectStatus().isOk();
		this.client.get().uri("/api/content/articles/" + slug).exchange().expectStatus().isNotFound();
		assertPublicSearch(word, List.of());
	}

	@Test
	void theEditorListingFlagsReviewsOlderThanTwelveMonths() {
		String overdue = uniqueSlug();
		String recent = uniqueSlug();
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		create(draft(overdue, "Old review", "Old.", "Dr. Test Reviewer", today.minusMonths(13)));
		create(draft(recent, "Recent review", "Recent.", "Dr. Test Reviewer", today.minusMonths(2)));

		editor().get()
			.uri("/api/content/articles?status=draft&size=50")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.slug == '" + overdue + "')].reviewOverdue")
			.value((List<Boolean> flags) -> assertThat(flags).containsExactly(true))
			.jsonPath("$.items[?(@.slug == '" + recent + "')].reviewOverdue")
			.value((List<Boolean> flags) -> assertThat(flags).containsExactly(false));
	}

	@Test
	void jsonLdNamesTheReviewerOnceReviewed() {
		String slug = uniqueSlug();
		LocalDate reviewed = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3);
		create(draft(slug, "Reviewed", "Reviewed article.", "Dr. Test Reviewer", reviewed));
		editor().post().uri("/api/content/articles/" + slug + "/publish").exchange().expectStatus().isOk();

		this.client.get()
			.uri("/api/content/articles/" + slug + "/json-ld")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$['@context']")
			.isEqualTo("https://schema.org")
			.jsonPath("$.reviewedBy.name")
			.isEqualTo("Dr. Test Reviewer")
			.jsonPath("$.lastReviewed")
			.isEqualTo(reviewed.toString())
			.jsonPath("$.citation[0].url")
			.isEqualTo("https://www.cdc.gov/");
	}

	@Test
	void anArticleWithoutASpanishEditionIsServedInEnglishAndSaysSo() {
		String slug = uniqueSlug();
		String word = "wagtail" + SEQUENCE.incrementAndGet();
		create(draft(slug, "English only", "Only in English, about " + word + ".", null, null));
		editor().post().uri("/api/content/articles/" + slug + "/publish").exchange().expectStatus().isOk();

		this.client.get()
			.uri("/api/content/articles/" + slug + "?locale=es")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
			.expectBody()
			.jsonPath("$.locale")
			.isEqualTo("en")
			.jsonPath("$.requestedLocale")
			.isEqualTo("es")
			.jsonPath("$.fallback")
			.isEqualTo(true);

		this.client.get()
			.uri("/api/content/articles?locale=es&q=" + word)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).containsExactly(slug))
			.jsonPath("$.items[0].locale")
			.isEqualTo("en")
			.jsonPath("$.items[0].fallback")
			.isEqualTo(true);
	}

	@Test
	void aChangeMadeByAnotherInstanceIsServedAfterTheChangeCounterMoves() {
		String slug = uniqueSlug();
		String word = "kingfisher" + SEQUENCE.incrementAndGet();
		Document article = new Document("slug", slug).append("locale", "en")
			.append("title", "Written elsewhere")
			.append("summary", "By another instance, about " + word + ".")
			.append("body", "Body")
			.append("topics", List.of("overdose"))
			.append("reviewedBy", "Pending clinical review")
			.append("lastReviewed", null)
			.append("sources", List.of(Map.of("title", "CDC", "url", "https://www.cdc.gov/")))
			.append("updatedAt", java.util.Date.from(Instant.now()))
			.append("status", "PUBLISHED")
			.append("revision", 1L);
		StepVerifier.create(this.mongo.insert(article, "articles").then(this.changes.bump()))
			.expectNextCount(1)
			.verifyComplete();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> this.client.get().uri("/api/content/articles/" + slug).exchange().expectStatus().isOk());
		assertPublicSearch(word, List.of(slug));
	}

	private void assertPublicSearch(String word, List<String> expected) {
		this.client.get()
			.uri("/api/content/articles?q=" + word)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].slug")
			.value((List<String> slugs) -> assertThat(slugs).containsExactlyElementsOf(expected));
	}

	private void create(String body) {
		editor().post()
			.uri("/api/content/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private WebTestClient editor() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TOKENS.token("editor-1", "EDITOR")))
			.build();
	}

	private static String uniqueSlug() {
		return "it-article-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
	}

	private static String draft(String slug, String title, String summary, String reviewedBy, LocalDate lastReviewed) {
		String review = (reviewedBy != null)
				? ",\"reviewedBy\":\"" + reviewedBy + "\",\"lastReviewed\":\"" + lastReviewed + "\"" : "";
		return "{\"slug\":\"" + slug + "\",\"locale\":\"en\",\"title\":\"" + title + "\",\"summary\":\"" + summary
				+ "\",\"body\":\"## Body\",\"topics\":[\"overdose\"],"
				+ "\"sources\":[{\"title\":\"CDC\",\"url\":\"https://www.cdc.gov/\"}]" + review + "}";
	}

}
