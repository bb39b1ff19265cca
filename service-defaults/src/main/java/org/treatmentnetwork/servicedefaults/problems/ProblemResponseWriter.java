package org.treatmentnetwork.servicedefaults.problems;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Completes an exchange with a problem answer, for the places that have no message
 * writers at hand: web filters and the security chain, which answer before any controller
 * advice could. The body has {@code type}, {@code title} (the status's reason phrase
 * unless set), {@code status}, {@code detail}, {@code instance} (the request's path
 * unless set) and then the problem's own properties, in that order; a detail is always a
 * fixed text of the caller's, never a submitted value.
 */
public class ProblemResponseWriter {

	private final JsonMapper jsonMapper;

	/**
	 * A writer.
	 * @param jsonMapper serializes the body
	 */
	public ProblemResponseWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Answers the exchange with a problem.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type one of {@link ProblemTypes}
	 * @param detail what happened and what the client can do
	 * @return completes when written
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, URI type, String detail) {
		return write(exchange, Problems.problem(status, type, detail));
	}

	/**
	 * Answers the exchange with a problem; its status becomes the answer's.
	 * @param exchange the exchange
	 * @param problem the problem
	 * @return completes when written
	 */
	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		return write(exchange, HttpStatusCode.valueOf(problem.getStatus()),
				body(problem, exchange.getRequest().getPath().value()));
	}

	/**
	 * Answers the exchange with a problem body of another shape (such as the gateway's,
	 * with the crisis lines).
	 * @param exchange the exchange
	 * @param status the status
	 * @param body the body, serialized as JSON
	 * @return completes when written
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, Object body) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
		return response
			.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(body))));
	}

	static Map<String, Object> body(ProblemDetail problem, String path) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", (problem.getInstance() != null) ? problem.getInstance().toString() : path);
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
