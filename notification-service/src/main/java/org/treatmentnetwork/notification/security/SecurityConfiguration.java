package org.treatmentnetwork.notification.security;

import tools.jackson.databind.json.JsonMapper;

import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;
import org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter;
import org.treatmentnetwork.servicedefaults.security.StaffApiSecurity;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenValidation;

import org.treatmentnetwork.notification.twilio.TwilioWebhooks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who may call what. Staff endpoints need a bearer token with the {@code ON_CALL} or
 * {@code SUPERVISOR} role (the token's {@code roles} claim, mapped to {@code ROLE_*}
 * authorities by Boot's resource-server properties; {@link StaffTokenValidation}
 * (service-defaults) checks issuer, audience, times and subject). Acknowledging an alert
 * needs {@code ON_CALL} ({@code SUPERVISOR} alone reads only); changing a schedule and
 * reading its changes need {@code SUPERVISOR} (the schedules check that it is one of the
 * team's). Staff manage their own contact methods with either role; a team's contact
 * methods need {@code SUPERVISOR} (the service checks that it is one of the team's). The
 * one-click acknowledgement link is public: the signed token in its path is the
 * credential. Health, info and metrics are public. The chain's common settings
 * (stateless, the resource server, problem+json 401 and 403) are
 * {@link StaffApiSecurity}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import(StaffTokenValidation.class)
public class SecurityConfiguration {

	private static final String[] STAFF_ROLES = { "ON_CALL", "SUPERVISOR" };

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, JsonMapper jsonMapper) {
		return StaffApiSecurity.statelessBearerApi(http, new ProblemResponseWriter(jsonMapper))
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
				// The text and voice provider's webhooks: no token, each request's
				// signature is checked (twilio/TwilioWebhookController).
				.pathMatchers(HttpMethod.POST, TwilioWebhooks.BASE + "/*")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/alerts/ack/*")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/api/alerts/ack/*")
				.permitAll()
				// the caller's own methods: the staff id is the token's sub
				.pathMatchers("/api/on-call/me/contact-methods", "/api/on-call/me/contact-methods/**")
				.hasAnyRole(STAFF_ROLES)
				// a team's methods, masked (the service checks it is one of the team's)
				.pathMatchers(HttpMethod.GET, "/api/on-call/teams/*/contact-methods")
				.hasRole("SUPERVISOR")
				.pathMatchers("/api/alerts", "/api/alerts/**", "/api/on-call", "/api/on-call/**")
				.hasAnyRole(STAFF_ROLES)
				.anyExchange()
				.authenticated())
			.build();
	}

}
