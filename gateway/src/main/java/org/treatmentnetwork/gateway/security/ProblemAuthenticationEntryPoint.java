package org.treatmentnetwork.gateway.security;

import org.treatmentnetwork.gateway.problems.ProblemType;
import org.treatmentnetwork.gateway.problems.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a missing, invalid or expired token with 401 problem+json and a bearer
 * challenge. The token and the decoder's message are never echoed.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ProblemWriter problemWriter;

	ProblemAuthenticationEntryPoint(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean tokenRejected = ex instanceof OAuth2AuthenticationException;
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
		String detail = tokenRejected ? "The staff token is invalid or has expired. Please sign in again."
				: "This request needs a staff token (Authorization: Bearer).";
		return this.problemWriter.write(exchange, ProblemType.UNAUTHORIZED.problem(detail));
	}

}
