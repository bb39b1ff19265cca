package org.treatmentnetwork.intake.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.intake.problems.ProblemResponses;
import org.treatmentnetwork.intake.problems.ProblemTypes;

/**
 * {@code 401} as a problem response, with the {@code WWW-Authenticate} challenge of RFC
 * 6750. Never repeats the presented token.
 */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ProblemResponses problems;

	ProblemAuthenticationEntryPoint(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean invalidToken = ex instanceof OAuth2AuthenticationException;
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
		String detail = invalidToken ? "The bearer token is invalid or expired." : "A valid bearer token is required.";
		return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail);
	}

}
