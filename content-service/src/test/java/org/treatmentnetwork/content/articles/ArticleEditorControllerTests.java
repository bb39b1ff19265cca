package org.treatmentnetwork.content.articles;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.content.locales.LocalesConfiguration;
import org.treatmentnetwork.content.problems.PreconditionFailedException;
import org.treatmentnetwork.content.problems.PreconditionRequiredException;
import org.treatmentnetwork.content.security.SecurityConfiguration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

/**
 * The editorial endpoints: role checks, request validation, entity tags and the
 * precondition errors.
 */
@WebFluxTest(ArticleEditorController.class)
@Import({ SecurityConfiguration.class, LocalesConfiguration.class })
@EnableConfigurationProperties(ArticlesProperties.class)
class ArticleEditorControllerTests {

	private static final String DRAFT = """
			{"slug":"new-article","locale":"en","title":"A title","summary":"A summary.","body":"## Body",
			 "topics":["naloxone"],"sources":[{"title":"CDC","url":"https://www.cdc.gov/"}]}
			""";

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private ArticleEditor editor;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void editorsCreateDraftsAndGetAnEtag() {
		given(this.editor.create(any(), eq("editor-1"))).willReturn(Mono.just(editorial(1)));

		editor().post()
			.uri("/api/content/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(DRAFT)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"r1\"")
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/api/content/articles/new-article/editorial?locale=en")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT");
	}

	@Test
	void onlyEditorsMayWrite() {
		this.client.post()
			.uri("/api/content/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(DRAFT)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		for (String path : List.of("/api/content/articles/new-article/publish",
				"/api/content/articles/new-article/unpublish",
				"/api/content/articles/new-article/versions/1/restore")) {
			this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_INTAKE_AGENT")))
				.post()
				.uri(path)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))
			.put()
			.uri("/api/content/articles/new-article")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(DRAFT)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri("/api/content/articles/new-article/versions").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/api/content/articles/new-article/editorial").exchange().expectStatus().isUnauthorized();
		then(this.editor).shouldHaveNoInteractions();
	}

	@Test
	void updatesWithoutIfMatchArePreconditionRequired() {
		given(this.editor.update(eq("new-article"), eq("en"), isNull(), any(), anyString()))
			.willReturn(Mono.error(new PreconditionRequiredException("Send If-Match.")));

		editor().put()
			.uri("/api/content/articles/new-article")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(DRAFT)
			.exchange()
			.expectStatus()
			.isEqualTo(428)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/precondition-required");
	}

	@Test
	void staleIfMatchIsPreconditionFailed() {
		given(this.editor.update(eq("new-article"), eq("en"), eq("\"r1\""), any(), anyString()))
			.willReturn(Mono.error(new PreconditionFailedException("Changed.")));

		editor().put()
			.uri("/api/content/articles/new-article")
			.header(HttpHeaders.IF_MATCH, "\"r1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(DRAFT)
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/precondition-failed");
	}

	@Test
	void invalidDraftsAreValidationProblemsWithoutEchoingValues() {
		List<String[]> cases = List.of(new String[] { DRAFT.replace("\"new-article\"", "\"Bad Slug!\""), "slug" },
				new String[] { DRAFT.replace("\"A title\"", "\"\""), "title" },
				new String[] { DRAFT.replace("\"https://www.cdc.gov/\"", "\"javascript:alert(1)\""), "sources[0].url" },
				new String[] { DRAFT.replace("\"topics\"", "\"reviewedBy\":\"Dr. Who\",\"topics\""),
						"reviewConsistent" },
				new String[] { DRAFT.replace("\"## Body\"", "\"" + "x".repeat(100_001) + "\""), "body" });
		for (String[] testCase : cases) {
			editor().post()
				.uri("/api/content/articles")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(testCase[0])
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo(testCase[1])
				.consumeWith((result) -> org.assertj.core.api.Assertions
					.assertThat(new String(result.getResponseBodyContent()))
					.doesNotContain("javascript")
					.doesNotContain("Dr. Who"));
		}
		then(this.editor).shouldHaveNoInteractions();
	}

	@Test
	void unknownFieldsOperatorsAndOversizedBodiesAreBadRequests() {
		for (String body : List.of(DRAFT.replace("\"topics\"", "\"status\":\"PUBLISHED\",\"topics\""),
				DRAFT.replace("\"A title\"", "{\"$ne\":null}"), "{\"slug\":")) {
			editor().post()
				.uri("/api/content/articles")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		// A request over the 256 KB read limit is refused before it is parsed.
		editor().post()
			.uri("/api/content/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(DRAFT.replace("\"## Body\"", "\"" + "x".repeat(300 * 1024) + "\""))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		editor().post()
			.uri("/api/content/articles")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.editor).shouldHaveNoInteractions();
	}

	private WebTestClient editor() {
		return this.client.mutateWith(
				mockJwt().jwt((jwt) -> jwt.subject("editor-1")).authorities(new SimpleGrantedAuthority("ROLE_EDITOR")));
	}

	private static EditorialArticle editorial(long revision) {
		return new EditorialArticle("new-article", "en", ArticleStatus.DRAFT, revision, "A title", "A summary.",
				"## Body", List.of("naloxone"), ArticleSeed.PENDING_REVIEW, null,
				List.of(new ArticleDetail.SourceLink("CDC", "https://www.cdc.gov/")), Instant.now(), "editor-1", null,
				false, true, false);
	}

}
