package org.treatmentnetwork.intake.tracing;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts a valid incoming {@code traceparent} into the Reactor context of the request's
 * handling, where {@link Traceparent#withCurrent} finds it for log lines and outbox
 * events. An invalid or missing header is ignored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceparentWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String traceparent = Traceparent.validOrNull(exchange.getRequest().getHeaders().getFirst(Traceparent.HEADER));
		if (traceparent == null) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).contextWrite((context) -> context.put(Traceparent.contextKey(), traceparent));
	}

}
