package org.treatmentnetwork.servicedefaults.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter;
import org.treatmentnetwork.servicedefaults.problems.ProblemTypes;

/**
 * Answers a missing, invalid or expired bearer token with {@code 401} problem+json
 * ({@code unauthorized}) and the challenge of RFC 6750: {@code Bearer}, with
 * {@code error="invalid_token"} when a token was presented and rejected. Neither the
 * token nor the reason it was rejected is echoed.
 */
public class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	static final String MISSING = "A staff bearer token is required for this request.";

	static final String INVALID = "The bearer token is invalid or has expired.";

	private final ProblemResponseWriter writer;

	/**
	 * An entry point.
	 * @param writer writes the problem
	 */
	public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean invalidToken = ex instanceof OAuth2AuthenticationException;
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
		return this.writer.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
				invalidToken ? INVALID : MISSING);
	}

}
