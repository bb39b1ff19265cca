package org.treatmentnetwork.intake.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.intake.problems.ProblemResponses;
import org.treatmentnetwork.intake.problems.ProblemTypes;

/**
 * {@code 403} as a problem response.
 */
@Component
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final ProblemResponses problems;

	ProblemAccessDeniedHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
				"Your role does not allow this action.");
	}

}
