package org.treatmentnetwork.gateway.security;

import org.treatmentnetwork.gateway.problems.ProblemType;
import org.treatmentnetwork.gateway.problems.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a valid token whose roles do not allow the request with 403 problem+json.
 */
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final ProblemWriter problemWriter;

	ProblemAccessDeniedHandler(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		return this.problemWriter.write(exchange, ProblemType.FORBIDDEN.problem());
	}

}
