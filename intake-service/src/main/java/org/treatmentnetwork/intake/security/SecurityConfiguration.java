package org.treatmentnetwork.intake.security;

import tools.jackson.databind.json.JsonMapper;

import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter;
import org.treatmentnetwork.servicedefaults.security.StaffApiSecurity;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenValidation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * Stateless bearer-token security. Submitting a contact request is public; a caller who
 * does present a token must present a valid one (else {@code 401}) holding
 * {@code INTAKE_AGENT} (else {@code 403}), and the request is then logged as a phone
 * call. Reading a request or the queue needs {@code INTAKE_AGENT} or {@code SUPERVISOR};
 * claiming and moving a request needs {@code INTAKE_AGENT}; releasing a claim and adding
 * a note need {@code INTAKE_AGENT} or {@code SUPERVISOR} (the service checks who holds
 * it).
 *
 * <p>
 * Token decoding is configured through Boot's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties, and
 * {@link StaffTokenValidation} (service-defaults) adds the checks on issuer, audience,
 * times and subject; the {@code roles} claim becomes {@code ROLE_*} authorities through
 * {@code authorities-claim-name} and {@code authority-prefix}. The chain's common
 * settings (stateless, the resource server, problem+json 401 and 403) are
 * {@link StaffApiSecurity}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import(StaffTokenValidation.class)
class SecurityConfiguration {

	static final String CONTACT_REQUESTS = "/api/intake/contact-requests";

	static final String QUEUE = "/api/intake/queue";

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, JsonMapper jsonMapper) {
		return StaffApiSecurity.statelessBearerApi(http, new ProblemResponseWriter(jsonMapper))
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
						"/actuator/prometheus")
				.permitAll()
				.pathMatchers(HttpMethod.GET, ContractDocument.PATH)
				.permitAll()
				.pathMatchers(HttpMethod.POST, CONTACT_REQUESTS)
				.access(anonymousOrAuthority(Roles.INTAKE_AGENT_AUTHORITY))
				.pathMatchers(HttpMethod.GET, CONTACT_REQUESTS + "/*", QUEUE)
				.hasAnyRole(Roles.INTAKE_AGENT, Roles.SUPERVISOR)
				.pathMatchers(HttpMethod.POST, CONTACT_REQUESTS + "/*/release", CONTACT_REQUESTS + "/*/notes")
				.hasAnyRole(Roles.INTAKE_AGENT, Roles.SUPERVISOR)
				.pathMatchers(HttpMethod.POST, CONTACT_REQUESTS + "/*/claim", CONTACT_REQUESTS + "/*/status")
				.hasRole(Roles.INTAKE_AGENT)
				.anyExchange()
				.authenticated())
			.build();
	}

	/**
	 * Grants a request without authentication, or an authenticated one holding the
	 * authority. An invalid token never gets here: the bearer filter rejects it with
	 * {@code 401} first.
	 */
	static ReactiveAuthorizationManager<AuthorizationContext> anonymousOrAuthority(String authority) {
		return (authentication, context) -> authentication
			.filter((auth) -> auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken))
			.map((auth) -> holds(auth, authority))
			.defaultIfEmpty(true)
			.<AuthorizationResult>map(AuthorizationDecision::new);
	}

	private static boolean holds(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
	}

}
