package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The public website's content through the gateway: ranked, stemmed search; Spanish with
 * fallback to English; the center finder; and the editorial workflow with optimistic
 * concurrency, drafts never visible to the public.
 */
@ExtendWith(RunningSuite.class)
class ContentSystemIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SuiteClient gateway = RunningSuite.gateway();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void searchIsRankedStemmedAndSafe() {
		List<JsonNode> buprenorphine = this.gateway.get("/api/content/articles?locale=en&q=buprenorphine", null)
			.items();
		assertThat(buprenorphine).isNotEmpty();
		assertThat(buprenorphine.get(0).get("slug").asString()).isEqualTo("medications-for-opioid-use-disorder");

		// The seed articles say "withdrawal"; the stem finds them.
		assertThat(slugs(this.gateway.get("/api/content/articles?locale=en&q=withdraw", null).items()))
			.contains("getting-off-heroin", "medications-for-opioid-use-disorder");
		assertThat(slugs(this.gateway.get("/api/content/articles?locale=en&q=MAT", null).items()))
			.contains("medications-for-opioid-use-disorder");

		for (String q : List.of(".*", "$where", "{\"$ne\":null}", "heroin*", "zzyzx qwertyuiop")) {
			SuiteClient.Reply reply = this.gateway.get("/api/content/articles?q=" + encode(q), null);
			assertThat(reply.status()).as(q).isEqualTo(200);
			assertThat(reply.json().get("total").asInt()).as(q).isZero();
		}
	}

	@Test
	void spanishIsServedAndMissingTranslationsFallBackToEnglish() {
		SuiteClient.Reply spanish = this.gateway.get("/api/content/articles/overdose-and-naloxone?locale=es", null);
		assertThat(spanish.status()).isEqualTo(200);
		assertThat(spanish.json().get("locale").asString()).isEqualTo("es");
		assertThat(spanish.json().get("fallback").asBoolean()).isFalse();

		// Every seed article has a Spanish edition.
		SuiteClient.Reply basics = this.gateway.get("/api/content/articles/where-heroin-comes-from?locale=es", null);
		assertThat(basics.status()).isEqualTo(200);
		assertThat(basics.json().get("locale").asString()).isEqualTo("es");
		assertThat(basics.json().get("fallback").asBoolean()).isFalse();
		assertThat(basics.json().get("body").asString()).contains("AYUDA", "solo en inglés");

		List<JsonNode> approaches = this.gateway.get("/api/content/treatment-approaches?locale=es", null).items();
		assertThat(approaches).hasSize(6)
			.allSatisfy((approach) -> assertThat(approach.get("locale").asString()).isEqualTo("es"));

		List<JsonNode> crisis = this.gateway.get("/api/content/crisis-resources?locale=es", null).items();
		assertThat(crisis).extracting((line) -> line.get("phone").asString())
			.containsExactly("988", "1-800-662-4357", "911");

		SuiteClient.Reply unknown = this.gateway.get("/api/content/articles?locale=fr", null);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void centersNearAPointComeNearestFirstFilteredByService() {
		List<JsonNode> centers = this.gateway
			.get("/api/content/centers?near=39.29,-76.61&radiusKm=250&service=MAT_BUPRENORPHINE", null)
			.items();
		assertThat(slugsOf(centers, "id")).containsExactly("harbor-point-baltimore", "towson-telehealth-baltimore",
				"schuylkill-house-philadelphia");
		assertThat(centers).extracting((center) -> center.get("distanceKm").asDouble()).isSorted();

		List<JsonNode> methadone = this.gateway
			.get("/api/content/centers?near=39.29,-76.61&radiusKm=250&service=MAT_METHADONE", null)
			.items();
		assertThat(slugsOf(methadone, "id")).containsExactly("harbor-point-baltimore", "schuylkill-house-philadelphia");
		// Methadone for opioid use disorder comes only from an opioid treatment program:
		// a
		// center says whether it is one, and if not, that it works with a partner OTP.
		assertThat(methadone)
			.extracting((center) -> center.get("opioidTreatmentProgram").asBoolean(),
					(center) -> center.get("methadoneAccess").asString())
			.containsExactly(tuple(true, "ON_SITE"), tuple(false, "PARTNER_OTP"));

		SuiteClient.Reply malformed = this.gateway.get("/api/content/centers?near=here", null);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
	}

	@Test
	void editorsPublishDraftsWithOptimisticConcurrency() {
		String editor = RunningSuite.token("editor-system-test", "EDITOR");
		String slug = "system-test-" + Long.toString(System.nanoTime(), 36);
		String word = "quetzal" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
		String draft = "{\"slug\":\"" + slug + "\",\"locale\":\"en\",\"title\":\"System test article\","
				+ "\"summary\":\"About " + word + ".\",\"body\":\"## Body\",\"topics\":[\"overdose\"],"
				+ "\"sources\":[{\"title\":\"CDC\",\"url\":\"https://www.cdc.gov/\"}]}";

		Response forbidden = send("POST", "/api/content/articles", draft,
				RunningSuite.token("agent-system-test", "INTAKE_AGENT"), null);
		assertThat(forbidden.status()).isEqualTo(403);

		Response created = send("POST", "/api/content/articles", draft, editor, null);
		assertThat(created.status()).isEqualTo(201);
		String etag = created.etag();
		assertThat(etag).isEqualTo("\"r1\"");

		assertThat(this.gateway.get("/api/content/articles/" + slug, null).status()).isEqualTo(404);
		assertThat(this.gateway.get("/api/content/articles?q=" + word, null).json().get("total").asInt()).isZero();

		String changed = draft.replace("System test article", "System test article, edited");
		assertThat(send("PUT", "/api/content/articles/" + slug, changed, editor, null).status()).isEqualTo(428);
		assertThat(send("PUT", "/api/content/articles/" + slug, changed, editor, "\"r9\"").status()).isEqualTo(412);
		Response updated = send("PUT", "/api/content/articles/" + slug, changed, editor, etag);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(send("PUT", "/api/content/articles/" + slug, changed, editor, etag).status()).isEqualTo(412);

		Response published = send("POST", "/api/content/articles/" + slug + "/publish", "", editor, updated.etag());
		assertThat(published.status()).isEqualTo(200);

		SuiteClient.Reply page = this.gateway.get("/api/content/articles/" + slug, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("title").asString()).isEqualTo("System test article, edited");

		// An article without a Spanish edition is served in English and says so.
		SuiteClient.Reply fallback = this.gateway.get("/api/content/articles/" + slug + "?locale=es", null);
		assertThat(fallback.status()).isEqualTo(200);
		assertThat(fallback.json().get("locale").asString()).isEqualTo("en");
		assertThat(fallback.json().get("requestedLocale").asString()).isEqualTo("es");
		assertThat(fallback.json().get("fallback").asBoolean()).isTrue();
		assertThat(slugs(this.gateway.get("/api/content/articles?q=" + word, null).items())).containsExactly(slug);

		Response unpublished = send("POST", "/api/content/articles/" + slug + "/unpublish", "", editor,
				published.etag());
		assertThat(unpublished.status()).isEqualTo(200);
		assertThat(this.gateway.get("/api/content/articles/" + slug, null).status()).isEqualTo(404);
	}

	private Response send(String method, String path, String body, String token, String ifMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSuite.config().gatewayUrl() + path))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static List<String> slugs(List<JsonNode> items) {
		return slugsOf(items, "slug");
	}

	private static List<String> slugsOf(List<JsonNode> items, String field) {
		return items.stream().map((item) -> item.get(field).asString()).toList();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Response(int status, String etag, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
