package org.treatmentnetwork.gateway.security;

import org.treatmentnetwork.gateway.paths.RequestPaths;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Matches a {@code GET} or {@code HEAD} of public content on the gateway's main port that
 * carries no {@code Authorization} header. Written as one plain check, because it runs
 * first for every request the gateway receives.
 */
class AnonymousContentReadMatcher implements ServerWebExchangeMatcher {

	private static final Mono<MatchResult> MATCH = MatchResult.match();

	private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpMethod method = request.getMethod();
		boolean anonymousRead = (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
				&& !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				&& RequestPaths.matches(RequestPaths.CONTENT, request)
				&& !WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), "management");
		return anonymousRead ? MATCH : NO_MATCH;
	}

}
