package org.treatmentnetwork.content.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.content.problems.ProblemTypes;

/**
 * Answers a missing, expired or invalid bearer token with a 401 problem+json.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ProblemResponseWriter writer;

	ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean invalidToken = ex instanceof OAuth2AuthenticationException;
		String challenge = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
		String detail = invalidToken ? "The bearer token is invalid or has expired."
				: "A staff bearer token is required for this request.";
		return this.writer.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail, challenge);
	}

}
