package org.treatmentnetwork.gateway.paths;

import org.treatmentnetwork.gateway.problems.ProblemType;
import org.treatmentnetwork.gateway.problems.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses with {@code 400} every request whose path is not written in canonical form
 * ({@link RequestPaths#isCanonical(String)}), before the security checks, the limits and
 * routing look at it. Such a path (for example {@code /api/intake/%63ontact-requests} or
 * {@code /api/intake/contact-requests;x=1}) is routed by its decoded form, while a check
 * that compared the written form would not recognise it; refusing them all leaves no room
 * for such a difference anywhere behind the gateway either. Only the request id and the
 * security headers are added to the answer before this filter runs.
 */
@Component
final class CanonicalPathWebFilter implements WebFilter, Ordered {

	/** Right after the request id and the security headers. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final ProblemWriter problemWriter;

	CanonicalPathWebFilter(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (RequestPaths.isCanonical(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		headers.setCacheControl(CacheControl.noStore());
		return this.problemWriter.write(exchange, ProblemType.NON_CANONICAL_PATH.problem());
	}

}
