package org.treatmentnetwork.content.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the problem+json bodies of security failures, which happen in the filter chain
 * before any controller advice could render them.
 */
class ProblemResponseWriter {

	private final JsonMapper jsonMapper;

	ProblemResponseWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String detail, String wwwAuthenticate) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		byte[] body = this.jsonMapper.writeValueAsBytes(problem);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
