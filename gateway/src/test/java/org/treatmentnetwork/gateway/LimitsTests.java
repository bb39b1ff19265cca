package org.treatmentnetwork.gateway;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake bodies over 16 KiB are refused with 413, whether their length is declared or
 * they arrive in chunks; oversized request headers are refused with 431.
 */
class LimitsTests extends GatewayTestSupport {

	private static final int LIMIT = 16 * 1024;

	@Test
	void bodyOfExactlySixteenKibibytesReachesTheService() {
		String body = jsonOfSize(LIMIT);
		postContactRequest(body).expectStatus().isAccepted();
		assertThat(INTAKE.requests()).singleElement()
			.satisfies((request) -> assertThat(request.body()).isEqualTo(body));
	}

	@Test
	void declaredBodyOverTheLimitIsRefusedWithoutReachingTheService() {
		double before = rejected("body-size");
		expectTooLarge(postContactRequest(jsonOfSize(LIMIT + 1)));
		assertThat(allRequests()).isEmpty();
		assertThat(rejected("body-size")).isEqualTo(before + 1);
	}

	@Test
	void chunkedBodyOverTheLimitIsRefused() {
		expectTooLarge(postChunked(jsonOfSize(4 * LIMIT), 1024));
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void chunkedBodyJustOverTheLimitIsRefused() {
		expectTooLarge(postChunked(jsonOfSize(LIMIT + 1), 4096));
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void chunkedBodyWithinTheLimitReachesTheServiceWhole() {
		String body = jsonOfSize(LIMIT - 100);
		postChunked(body, 1000).expectStatus().isAccepted();
		assertThat(INTAKE.requests()).singleElement().satisfies((request) -> {
			assertThat(request.body()).isEqualTo(body);
			assertThat(request.headers().getFirst(HttpHeaders.TRANSFER_ENCODING)).isEqualTo("chunked");
		});
	}

	@Test
	void agentWritesOnIntakeAreLimitedToo() {
		expectTooLarge(this.gateway.post()
			.uri("/api/intake/contact-requests/r-1/notes")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("INTAKE_AGENT")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(jsonOfSize(LIMIT + 10))
			.exchange());
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void editorArticlesAreNotBoundByTheIntakeLimit() {
		String article = jsonOfSize(3 * LIMIT);
		this.gateway.put()
			.uri("/api/content/articles/what-is-moud")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("EDITOR")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(article)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(CONTENT.requests()).singleElement()
			.satisfies((request) -> assertThat(request.body()).isEqualTo(article));
	}

	// Netty answers before any route or filter: the service never sees the request.
	@Test
	void oversizedHeadersAreRefusedWith431AndAProblem() {
		this.gateway.get()
			.uri("/api/content/articles")
			.header("X-Padding", "a".repeat(20 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(431)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/headers-too-large")
			.jsonPath("$.status")
			.isEqualTo(431)
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).doesNotContain("aaaa"));
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void overlongAddressesAreRefusedWith414AndAProblem() {
		this.gateway.get()
			.uri("/api/content/articles/" + "a".repeat(8 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(414)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/uri-too-long");
		assertThat(allRequests()).isEmpty();
	}

	@Test
	void headersOfLargeStaffTokensStillFit() {
		this.gateway.get()
			.uri("/api/unknown")
			.header("X-Padding", "a".repeat(10 * 1024))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec postContactRequest(String body) {
		return this.gateway.post()
			.uri("/api/intake/contact-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec postChunked(String body, int chunkSize) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> chunks = Flux.range(0, (bytes.length + chunkSize - 1) / chunkSize).map((i) -> {
			int from = i * chunkSize;
			int to = Math.min(bytes.length, from + chunkSize);
			byte[] chunk = java.util.Arrays.copyOfRange(bytes, from, to);
			return DefaultDataBufferFactory.sharedInstance.wrap(chunk);
		});
		return this.gateway.post()
			.uri("/api/intake/contact-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange();
	}

	private void expectTooLarge(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/payload-too-large")
			.jsonPath("$.status")
			.isEqualTo(413)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("16 KiB").contains(INTAKE_PHONE))
			.jsonPath("$.intakePhone")
			.isEqualTo(INTAKE_PHONE)
			.jsonPath("$.crisisResources[0].phone")
			.isEqualTo("988");
	}

	private double rejected(String limit) {
		var counter = this.meterRegistry.find("gateway.limits.rejected").tag("limit", limit).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * A JSON object of exactly the given size in bytes.
	 */
	static String jsonOfSize(int bytes) {
		String start = "{\"message\":\"";
		String end = "\"}";
		return start + "x".repeat(bytes - start.length() - end.length()) + end;
	}

}
