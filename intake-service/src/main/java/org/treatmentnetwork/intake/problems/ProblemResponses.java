package org.treatmentnetwork.intake.problems;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a problem response directly, for errors raised before a controller is reached
 * (the security filter chain).
 */
@Component
public class ProblemResponses {

	private final JsonMapper jsonMapper;

	ProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

}
