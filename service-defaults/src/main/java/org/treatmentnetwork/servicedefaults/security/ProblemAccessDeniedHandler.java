package org.treatmentnetwork.servicedefaults.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter;
import org.treatmentnetwork.servicedefaults.problems.ProblemTypes;

/**
 * Answers a valid token whose roles do not allow the request with {@code 403}
 * problem+json ({@code forbidden}) and the challenge
 * {@code Bearer error="insufficient_scope"} of RFC 6750.
 */
public class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	static final String DETAIL = "Your role does not allow this request.";

	private final ProblemResponseWriter writer;

	/**
	 * A handler.
	 * @param writer writes the problem
	 */
	public ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		return this.writer.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, DETAIL);
	}

}
