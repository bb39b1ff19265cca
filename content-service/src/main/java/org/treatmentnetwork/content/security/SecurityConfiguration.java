package org.treatmentnetwork.content.security;

import tools.jackson.databind.json.JsonMapper;

import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter;
import org.treatmentnetwork.servicedefaults.security.StaffApiSecurity;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenValidation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what. Public reads (published articles, treatment approaches, crisis
 * resources) need no token; everything else under {@code /api/content}, including the
 * article listing by {@code status}, needs a staff bearer token with the {@code EDITOR}
 * role. Tokens are decoded by Boot's resource-server support, configured through the
 * standard {@code spring.security.oauth2.resourceserver.jwt.*} properties, and checked by
 * {@link StaffTokenValidation} (service-defaults); the {@code roles} claim becomes
 * {@code ROLE_*} authorities. The chain's common settings (stateless, the resource
 * server, problem+json 401 and 403) are {@link StaffApiSecurity}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import(StaffTokenValidation.class)
public class SecurityConfiguration {

	static final String EDITOR = "EDITOR";

	private static final String[] PUBLIC_READS = { "/api/content/articles", "/api/content/articles/*",
			"/api/content/treatment-approaches", "/api/content/crisis-resources", "/api/content/centers",
			"/api/content/articles/*/json-ld" };

	private static final String[] PUBLIC_ACTUATOR = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus" };

	@Bean
	SecurityWebFilterChain contentSecurityFilterChain(ServerHttpSecurity http, JsonMapper jsonMapper) {
		return StaffApiSecurity.statelessBearerApi(http, new ProblemResponseWriter(jsonMapper))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(PUBLIC_ACTUATOR)
				.permitAll()
				.pathMatchers(HttpMethod.GET, ContractDocument.PATH)
				.permitAll()
				.matchers(editorialArticleListing())
				.hasRole(EDITOR)
				.pathMatchers(HttpMethod.GET, PUBLIC_READS)
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, PUBLIC_READS)
				.permitAll()
				.pathMatchers("/api/content/**")
				.hasRole(EDITOR)
				.anyExchange()
				.denyAll())
			.build();
	}

	/**
	 * The article listing with a {@code status} parameter is the editors' view (drafts);
	 * the public listing has no such parameter.
	 */
	private static ServerWebExchangeMatcher editorialArticleListing() {
		ServerWebExchangeMatcher statusParameter = (
				exchange) -> exchange.getRequest().getQueryParams().containsKey("status") ? MatchResult.match()
						: MatchResult.notMatch();
		return new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/content/articles"),
				statusParameter);
	}

}
