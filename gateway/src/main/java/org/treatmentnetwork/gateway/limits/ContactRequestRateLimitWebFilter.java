package org.treatmentnetwork.gateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.treatmentnetwork.gateway.fallback.HelpProperties;
import org.treatmentnetwork.gateway.paths.RequestPaths;
import org.treatmentnetwork.gateway.problems.ProblemType;
import org.treatmentnetwork.gateway.problems.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits public contact requests ({@code POST /api/intake/contact-requests} without a
 * staff token) per client address. Over the limit the answer is {@code 429} with
 * {@code Retry-After}, and, because the person may be in crisis, the intake phone number
 * and the crisis lines. Requests that carry a valid staff token (an agent logging calls)
 * are not limited. Runs after the security filters, so an invalid token is still
 * {@code 401}. The path is matched as routing matches it ({@link RequestPaths}).
 */
final class ContactRequestRateLimitWebFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(ContactRequestRateLimitWebFilter.class);

	private final ContactRequestLimiter limiter;

	private final ClientAddressResolver clientAddresses;

	private final HelpProperties help;

	private final ProblemWriter problemWriter;

	private final Counter rejected;

	ContactRequestRateLimitWebFilter(ContactRequestLimiter limiter, ClientAddressResolver clientAddresses,
			HelpProperties help, ProblemWriter problemWriter, MeterRegistry meterRegistry) {
		this.limiter = limiter;
		this.clientAddresses = clientAddresses;
		this.help = help;
		this.problemWriter = problemWriter;
		this.rejected = LimitsConfiguration.rejectedCounter(meterRegistry, "rate-limit");
	}

	@Override
	public int getOrder() {
		return LimitsConfiguration.RATE_LIMIT_ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())
				|| !RequestPaths.matches(RequestPaths.CONTACT_REQUESTS, exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>
					&& authentication.isAuthenticated())
			.hasElement()
			.flatMap((staff) -> staff ? chain.filter(exchange) : limit(exchange, chain));
	}

	private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain) {
		String client = this.clientAddresses.resolve(exchange.getRequest());
		return this.limiter.acquire(client)
			.flatMap((decision) -> decision.allowed() ? chain.filter(exchange) : reject(exchange, decision));
	}

	private Mono<Void> reject(ServerWebExchange exchange, ContactRequestLimiter.Decision decision) {
		this.rejected.increment();
		long seconds = decision.retryAfter().toSeconds();
		logger.info("Contact request refused: rate limit per client address reached (retry after " + seconds + " s)");
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		headers.setCacheControl(CacheControl.noStore());
		ProblemType type = ProblemType.TOO_MANY_REQUESTS;
		HelpProblem problem = new HelpProblem(type.uri(), type.title(), type.status().value(),
				"Too many requests were sent from your network in a short time, so this one was not sent. "
						+ "Please try again in " + seconds + " seconds. If you need help now, call our intake team at "
						+ this.help.intakePhone() + ". If you or someone else is in danger, use one of the crisis "
						+ "lines listed here, or call 911 in an emergency.",
				this.help.intakePhone(), this.help.crisisResources());
		return this.problemWriter.write(exchange, type.status(), problem);
	}

}
