package org.treatmentnetwork.content.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.content.problems.ProblemTypes;

/**
 * Answers a valid token without the required role with a 403 problem+json.
 */
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final ProblemResponseWriter writer;

	ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.writer.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
				"Your account does not have the role this request requires.", "Bearer error=\"insufficient_scope\"");
	}

}
