package org.treatmentnetwork.servicedefaults.problems;

import java.net.URI;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem body written outside controller advice, and the catalogue's URIs.
 */
class ProblemResponseWriterTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final ProblemResponseWriter writer = new ProblemResponseWriter(this.jsonMapper);

	@Test
	void writesTheSuitesProblemBody() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/intake/queue?secret=value"));
		exchange.getResponse().getHeaders().setContentLength(99);
		this.writer.write(exchange, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such request.").block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String body = exchange.getResponse().getBodyAsString().block();
		assertThat(body).isEqualTo("{\"type\":\"https://treatment-network.example/problems/not-found\","
				+ "\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such request.\","
				+ "\"instance\":\"/api/intake/queue\"}");
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH)).isNotEqualTo("99");
	}

	@Test
	void aProblemsOwnTitleInstanceAndPropertiesAreKept() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/intake/x"));
		ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
				"Too large.");
		problem.setTitle("Request too large");
		problem.setInstance(URI.create("/elsewhere"));
		problem.setProperty("intakePhone", "1-800-000-0000");
		this.writer.write(exchange, problem).block();
		JsonNode body = this.jsonMapper.readTree(exchange.getResponse().getBodyAsString().block());
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
		assertThat(body.get("title").asString()).isEqualTo("Request too large");
		assertThat(body.get("instance").asString()).isEqualTo("/elsewhere");
		assertThat(body.get("intakePhone").asString()).isEqualTo("1-800-000-0000");
		assertThat(body.get("type").asString())
			.isEqualTo("https://treatment-network.example/problems/payload-too-large");
	}

	@Test
	void theCatalogueKeepsTheContractsNames() {
		assertThat(ProblemTypes.CONTENT_TOO_LARGE)
			.isEqualTo(URI.create("https://treatment-network.example/problems/content-too-large"));
		assertThat(ProblemTypes.PAYLOAD_TOO_LARGE)
			.isEqualTo(URI.create("https://treatment-network.example/problems/payload-too-large"));
		assertThat(ProblemTypes.RATE_LIMITED)
			.isEqualTo(URI.create("https://treatment-network.example/problems/rate-limited"));
		assertThat(ProblemTypes.of("internal-error")).isEqualTo(ProblemTypes.INTERNAL_ERROR);
	}

}
