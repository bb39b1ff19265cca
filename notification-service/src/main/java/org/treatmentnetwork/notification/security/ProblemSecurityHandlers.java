package org.treatmentnetwork.notification.security;

import java.util.Map;

import org.treatmentnetwork.notification.problems.ProblemTypes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers {@code 401} and {@code 403} with problem bodies. The details are fixed texts:
 * nothing from the token or the request is echoed.
 */
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final JsonMapper jsonMapper;

	ProblemSecurityHandlers(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return write(exchange, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
		Map<String, Object> body = ProblemTypes.body(status, detail);
		body.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(body));
		return response.writeWith(Mono.just(buffer));
	}

}
