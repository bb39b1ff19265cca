package org.treatmentnetwork.notification.security;

import tools.jackson.databind.json.JsonMapper;

import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenValidation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Who may call what. Staff endpoints need a bearer token with the {@code ON_CALL} or
 * {@code SUPERVISOR} role (the token's {@code roles} claim, mapped to {@code ROLE_*}
 * authorities by Boot's resource-server properties; {@link StaffTokenValidation}
 * (service-defaults) checks issuer, audience, times and subject). Acknowledging an alert
 * needs {@code ON_CALL} ({@code SUPERVISOR} alone reads only); changing a schedule and
 * reading its changes need {@code SUPERVISOR} (the schedules check that it is one of the
 * team's). The one-click acknowledgement link is public: the signed token in its path is
 * the credential. Health, info and metrics are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import(StaffTokenValidation.class)
public class SecurityConfiguration {

	private static final String[] STAFF_ROLES = { "ON_CALL", "SUPERVISOR" };

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, JsonMapper jsonMapper) {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers(jsonMapper);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.pathMatchers(HttpMethod.GET, ContractDocument.PATH)
				.permitAll()
				// Listed before the public link so that no path can reach the
				// authenticated acknowledgement without a token.
				.pathMatchers(HttpMethod.POST, "/api/alerts/*/acknowledge")
				.hasRole("ON_CALL")
				.pathMatchers(HttpMethod.PUT, "/api/on-call/schedules/**")
				.hasRole("SUPERVISOR")
				.pathMatchers(HttpMethod.GET, "/api/on-call/schedules/*/changes")
				.hasRole("SUPERVISOR")
				.pathMatchers(HttpMethod.GET, "/api/alerts/ack/*")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/api/alerts/ack/*")
				.permitAll()
				.pathMatchers("/api/alerts", "/api/alerts/**", "/api/on-call", "/api/on-call/**")
				.hasAnyRole(STAFF_ROLES)
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

}
