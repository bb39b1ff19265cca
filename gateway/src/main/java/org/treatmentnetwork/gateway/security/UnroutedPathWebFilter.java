package org.treatmentnetwork.gateway.security;

import org.treatmentnetwork.gateway.problems.ProblemType;
import org.treatmentnetwork.gateway.problems.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 404 for every path the gateway does not serve, before any token is looked at,
 * so that unknown paths (including {@code /actuator} on the main port) neither reach a
 * handler nor suggest that a token would help.
 */
class UnroutedPathWebFilter implements WebFilter {

	private final ServerWebExchangeMatcher served;

	private final ProblemWriter problemWriter;

	UnroutedPathWebFilter(ServerWebExchangeMatcher served, ProblemWriter problemWriter) {
		this.served = served;
		this.problemWriter = problemWriter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.served.matches(exchange)
			.flatMap((result) -> result.isMatch() ? chain.filter(exchange)
					: this.problemWriter.write(exchange, ProblemType.NOT_FOUND.problem()));
	}

}
