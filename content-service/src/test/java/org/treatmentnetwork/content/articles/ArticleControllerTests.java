package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxObservationAutoConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.content.locales.LocalesConfiguration;
import org.treatmentnetwork.content.problems.NotFoundException;
import org.treatmentnetwork.content.security.SecurityConfiguration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

/**
 * The article endpoints: parameters, validation, caching headers, errors and who may list
 * drafts.
 */
@WebFluxTest(ArticleController.class)
@Import({ SecurityConfiguration.class, LocalesConfiguration.class })
@EnableConfigurationProperties(ArticlesProperties.class)
// Tracing as the running service has it, so that a log line can carry the trace id.
@ImportAutoConfiguration({ ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
		OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
		WebFluxObservationAutoConfiguration.class })
class ArticleControllerTests {

	private static final String ETAG = "\"c2hhLTI1Ni1vZi10aGUtYXJ0aWNsZQ\"";

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private ArticleCatalog catalog;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void listsPublishedArticlesWithDefaults() {
		given(this.catalog.list(any(), anyInt(), anyInt()))
			.willReturn(Mono.just(new ArticlePage(List.of(new ArticleSummary("getting-off-heroin", "Getting off heroin",
					"What works.", List.of("treatment"), "en", null)), 0, 20, 1)));

		this.client.get()
			.uri("/api/content/articles")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60, stale-if-error=86400")
			.expectBody()
			.jsonPath("$.items[0].slug")
			.isEqualTo("getting-off-heroin")
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.page")
			.isEqualTo(0)
			.jsonPath("$.size")
			.isEqualTo(20);

		then(this.catalog).should().list(new ArticleFilter("en", ArticleStatus.PUBLISHED, null, null), 0, 20);
	}

	@Test
	void passesTopicSearchAndPagingThrough() {
		given(this.catalog.list(any(), anyInt(), anyInt())).willReturn(Mono.just(new ArticlePage(List.of(), 2, 5, 0)));

		this.client.get()
			.uri("/api/content/articles?locale=en&topic=naloxone&q=overdose signs&page=2&size=5")
			.exchange()
			.expectStatus()
			.isOk();

		then(this.catalog).should()
			.list(new ArticleFilter("en", ArticleStatus.PUBLISHED, "naloxone", "overdose signs"), 2, 5);
	}

	@Test
	void regionalLocalesResolveToTheirLanguage() {
		given(this.catalog.list(any(), anyInt(), anyInt())).willReturn(Mono.just(new ArticlePage(List.of(), 0, 20, 0)));

		this.client.get().uri("/api/content/articles?locale=EN-us").exchange().expectStatus().isOk();
		this.client.get().uri("/api/content/articles?locale=es_MX").exchange().expectStatus().isOk();

		then(this.catalog).should().list(new ArticleFilter("en", ArticleStatus.PUBLISHED, null, null), 0, 20);
		then(this.catalog).should().list(new ArticleFilter("es", ArticleStatus.PUBLISHED, null, null), 0, 20);
	}

	@Test
	void unknownOrMalformedLocalesAreBadRequests() {
		for (String locale : List.of("fr", "xx-YY", "e$", "english-please-now-1234567890")) {
			this.client.get()
				.uri((uri) -> uri.path("/api/content/articles").queryParam("locale", "{l}").build(locale))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("locale");
		}
		this.client.get()
			.uri("/api/content/articles/getting-off-heroin?locale=fr")
			.exchange()
			.expectStatus()
			.isBadRequest();
		then(this.catalog).shouldHaveNoInteractions();
	}

	@Test
	void slugsWithIllegalCharactersAreBadRequests() {
		for (String slug : List.of("Getting-Off-Heroin", "a_b", "x--y", "-x", "a".repeat(101))) {
			this.client.get()
				.uri("/api/content/articles/" + slug)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("slug");
		}
		then(this.catalog).shouldHaveNoInteractions();
	}

	@Test
	void rejectsANegativePage() {
		this.client.get()
			.uri("/api/content/articles?page=-1")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/validation")
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.isNotEmpty()
			.jsonPath("$.errors[0].field")
			.isEqualTo("page")
			.jsonPath("$.errors[0].message")
			.isNotEmpty();
		then(this.catalog).should(never()).list(any(), anyInt(), anyInt());
	}

	@Test
	void rejectsASizeOutsideOneToFifty() {
		for (String size : List.of("0", "51")) {
			this.client.get()
				.uri("/api/content/articles?size=" + size)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("size");
		}
		then(this.catalog).should(never()).list(any(), anyInt(), anyInt());
	}

	@Test
	void rejectsANonNumericPageWithoutEchoingIt() {
		this.client.get()
			.uri("/api/content/articles?page=secret-value")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("page")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be a whole number")
			.consumeWith(
					(result) -> org.assertj.core.api.Assertions.assertThat(new String(result.getResponseBodyContent()))
						.doesNotContain("secret-value"));
	}

	@Test
	void rejectsAnOverlongQuery() {
		this.client.get()
			.uri((uri) -> uri.path("/api/content/articles").queryParam("q", "a".repeat(201)).build())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("q");
	}

	@Test
	void servesAnArticleWithAStrongEtagAndPublicCaching() {
		given(this.catalog.findPublished("overdose-and-naloxone", "en")).willReturn(Mono.just(versioned()));

		this.client.get()
			.uri("/api/content/articles/overdose-and-naloxone?locale=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, ETAG)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL,
					"public, max-age=300, stale-while-revalidate=60, stale-if-error=86400")
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
			.expectBody()
			.jsonPath("$.slug")
			.isEqualTo("overdose-and-naloxone")
			.jsonPath("$.reviewedBy")
			.isEqualTo("Pending clinical review")
			.jsonPath("$.sources[0].title")
			.isEqualTo("CDC")
			.jsonPath("$.id")
			.doesNotExist()
			.jsonPath("$.status")
			.doesNotExist();
	}

	@Test
	void answersNotModifiedWhenTheEtagMatches() {
		given(this.catalog.findPublished("overdose-and-naloxone", "en")).willReturn(Mono.just(versioned()));

		this.client.get()
			.uri("/api/content/articles/overdose-and-naloxone")
			.header(HttpHeaders.IF_NONE_MATCH, ETAG)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, ETAG)
			.expectBody()
			.isEmpty();
	}

	@Test
	void servesTheArticleWhenTheEtagIsStale() {
		given(this.catalog.findPublished("overdose-and-naloxone", "en")).willReturn(Mono.just(versioned()));

		this.client.get()
			.uri("/api/content/articles/overdose-and-naloxone")
			.header(HttpHeaders.IF_NONE_MATCH, "\"an-older-version\"")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, ETAG);
	}

	@Test
	void unknownSlugIsNotFound() {
		given(this.catalog.findPublished(anyString(), anyString()))
			.willReturn(Mono.error(new NotFoundException("No published article has this slug.")));

		this.client.get()
			.uri("/api/content/articles/no-such-article")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("Not Found")
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	@Test
	void databaseOutageIsServiceUnavailableNotNotFound() {
		given(this.catalog.findPublished(anyString(), anyString()))
			.willReturn(Mono.error(new DataAccessResourceFailureException("connection refused")));

		this.client.get()
			.uri("/api/content/articles/getting-off-heroin")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/service-unavailable")
			.consumeWith(
					(result) -> org.assertj.core.api.Assertions.assertThat(new String(result.getResponseBodyContent()))
						.doesNotContain("connection refused"));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theOutageLogLineCarriesTheGatewaysTraceId(CapturedOutput output) {
		given(this.catalog.findPublished(anyString(), anyString()))
			.willReturn(Mono.error(new DataAccessResourceFailureException("connection refused")));

		this.client.get()
			.uri("/api/content/articles/getting-off-heroin")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.consumeWith((result) -> {
			});

		org.assertj.core.api.Assertions.assertThat(output)
			.contains("Content store unavailable (DataAccessResourceFailureException) "
					+ "trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void draftListingWithoutATokenIsUnauthorized() {
		this.client.get()
			.uri("/api/content/articles?status=draft")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401);
		then(this.catalog).should(never()).list(any(), anyInt(), anyInt());
	}

	@Test
	void draftListingWithAnInvalidTokenIsUnauthorized() {
		given(this.jwtDecoder.decode("not-a-valid-token")).willReturn(Mono.error(new BadJwtException("bad")));

		this.client.get()
			.uri("/api/content/articles?status=draft")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-valid-token")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/unauthorized");
		then(this.catalog).should(never()).list(any(), anyInt(), anyInt());
	}

	@Test
	void draftListingWithoutTheEditorRoleIsForbidden() {
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_INTAKE_AGENT")))
			.get()
			.uri("/api/content/articles?status=draft")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/forbidden")
			.jsonPath("$.status")
			.isEqualTo(403);
		then(this.catalog).should(never()).list(any(), anyInt(), anyInt());
	}

	@Test
	void editorsListDrafts() {
		given(this.catalog.list(any(), anyInt(), anyInt())).willReturn(Mono.just(new ArticlePage(List.of(), 0, 20, 0)));

		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_EDITOR")))
			.get()
			.uri("/api/content/articles?status=DRAFT")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");

		then(this.catalog).should().list(new ArticleFilter("en", ArticleStatus.DRAFT, null, null, true), 0, 20);
	}

	@Test
	void editorsGetAValidationErrorForAnUnknownStatus() {
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_EDITOR")))
			.get()
			.uri("/api/content/articles?status=archived")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("status")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be one of: draft, published, all");
	}

	@Test
	void writingNeedsAToken() {
		this.client.post()
			.uri("/api/content/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownPathsAreNotFoundProblems() {
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_EDITOR")))
			.get()
			.uri("/api/content/no/such/path")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/not-found")
			.jsonPath("$.detail")
			.isEqualTo("There is nothing at this address.");
	}

	private static VersionedArticle versioned() {
		ArticleDetail article = new ArticleDetail("overdose-and-naloxone", "Opioid overdose", "How to respond.",
				"## Call 911", List.of("overdose"), "en", "Pending clinical review", null,
				List.of(new ArticleDetail.SourceLink("CDC", "https://www.cdc.gov/")),
				Instant.parse("2026-11-24T00:00:00Z"));
		return new VersionedArticle(article, ETAG);
	}

}
