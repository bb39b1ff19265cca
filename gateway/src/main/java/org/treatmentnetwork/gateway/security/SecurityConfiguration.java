package org.treatmentnetwork.gateway.security;

import java.time.Duration;
import java.util.List;

import org.treatmentnetwork.gateway.paths.RequestPaths;
import org.treatmentnetwork.gateway.problems.ProblemType;
import org.treatmentnetwork.gateway.problems.ProblemWriter;
import reactor.core.publisher.Mono;

import org.treatmentnetwork.servicedefaults.security.StaffApiSecurity;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenValidation;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who may call what through the gateway. The services check tokens again; this is the
 * first line. Tokens are decoded by Spring Boot's resource-server support, configured
 * through {@code spring.security.oauth2.resourceserver.jwt.*}, and checked by
 * {@link StaffTokenValidation} (service-defaults); the {@code roles} claim becomes
 * {@code ROLE_*} authorities. Both chains are {@link StaffApiSecurity#stateless
 * stateless}; the main one validates tokens and answers 401 and 403 as every service does
 * ({@link StaffApiSecurity#bearerTokens}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import(StaffTokenValidation.class)
class SecurityConfiguration {

	static final String EDITOR = "EDITOR";

	static final String INTAKE_AGENT = "INTAKE_AGENT";

	static final String ON_CALL = "ON_CALL";

	static final String SUPERVISOR = "SUPERVISOR";

	/**
	 * The public website reading content without a token: the busiest path and one with
	 * nothing to authenticate or authorize, so it gets only what every answer needs
	 * (CORS, the security headers and the firewall, which guards every chain). A read
	 * that carries a token still goes through {@link #gatewaySecurityWebFilterChain},
	 * which rejects an invalid one.
	 * @param http the builder
	 * @param corsProperties the website origins
	 * @return the chain
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain anonymousContentReadsSecurityWebFilterChain(ServerHttpSecurity http,
			CorsProperties corsProperties) {
		return common(http.securityMatcher(new AnonymousContentReadMatcher()), corsProperties)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.build();
	}

	@Bean
	SecurityWebFilterChain gatewaySecurityWebFilterChain(ServerHttpSecurity http, ProblemWriter problemWriter,
			CorsProperties corsProperties) {
		return StaffApiSecurity.bearerTokens(common(http, corsProperties), problemWriter)
			.addFilterBefore(new UnroutedPathWebFilter(served(), problemWriter), SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange((exchanges) -> exchanges
				// management port only
				.matchers(EndpointRequest.to("health", "info", "prometheus"))
				.permitAll()
				.pathMatchers("/fallback/**")
				.permitAll()
				// the API documentation: a document is not an access right
				.pathMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/api/docs", "/api/docs/**")
				.permitAll()
				// public website; the content service itself keeps drafts to EDITOR
				.pathMatchers(HttpMethod.GET, "/api/content/**")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/api/content/**")
				.permitAll()
				.pathMatchers("/api/content/**")
				.hasRole(EDITOR)
				// the website's contact form; a token, when sent, must be valid
				.pathMatchers(HttpMethod.POST, "/api/intake/contact-requests")
				.permitAll()
				.pathMatchers("/api/intake/**")
				.hasAnyRole(INTAKE_AGENT, SUPERVISOR)
				// one-click links in messages to staff carry their own signed token
				.pathMatchers(HttpMethod.GET, "/api/alerts/ack/**")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/api/alerts/ack/**")
				.permitAll()
				.pathMatchers("/api/alerts/**", "/api/on-call/**")
				.hasAnyRole(ON_CALL, SUPERVISOR)
				// the text and voice provider's webhooks: signed by the provider, checked
				// by the notification service
				.pathMatchers(HttpMethod.POST, "/api/paging/twilio/*")
				.permitAll()
				.anyExchange()
				.denyAll())
			.build();
	}

	private static ServerHttpSecurity common(ServerHttpSecurity http, CorsProperties corsProperties) {
		return StaffApiSecurity.stateless(http)
			.cors((cors) -> cors.configurationSource(corsConfigurationSource(corsProperties)))
			.headers((headers) -> headers.contentTypeOptions(Customizer.withDefaults())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				// sent on every answer by SecurityHeadersWebFilter, not only over HTTPS
				.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable));
	}

	/**
	 * Spring Security's own observations (a timer per filter chain, authentication and
	 * authorization) are off: they cost the gateway about a tenth of its throughput, and
	 * {@code http.server.requests} already times every request with its outcome.
	 * @return the settings
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * What the gateway serves: the routed paths on the main server, and the exposed
	 * actuator endpoints on the management server. The management server shares this
	 * chain and the gateway's handlers, so without this it would route the API too.
	 * Actuator matchers know the management port, so on the main port they never match.
	 * @return the matcher
	 */
	private static ServerWebExchangeMatcher served() {
		ServerWebExchangeMatcher routedOnMainServer = new AndServerWebExchangeMatcher(
				new NegatedServerWebExchangeMatcher(SecurityConfiguration::onManagementServer),
				(exchange) -> RequestPaths.isServed(exchange.getRequest()) ? MatchResult.match()
						: MatchResult.notMatch());
		return new OrServerWebExchangeMatcher(routedOnMainServer, EndpointRequest.toAnyEndpoint());
	}

	private static Mono<MatchResult> onManagementServer(ServerWebExchange exchange) {
		return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), "management")
				? MatchResult.match() : MatchResult.notMatch();
	}

	@Bean
	SecurityHeadersWebFilter securityHeadersWebFilter(SecurityHeadersProperties properties) {
		return new SecurityHeadersWebFilter(properties);
	}

	/**
	 * Requests the firewall rejects (encoded slashes, {@code ..} segments and the like)
	 * get a problem body too.
	 * @param problemWriter writes the problem
	 * @return the handler
	 */
	@Bean
	ServerExchangeRejectedHandler problemServerExchangeRejectedHandler(ProblemWriter problemWriter) {
		return (exchange, rejected) -> problemWriter.write(exchange, ProblemType.BAD_REQUEST.problem());
	}

	private static CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(properties.allowedOrigins());
		configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT"));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
				HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MATCH, "Idempotency-Key",
				"traceparent"));
		configuration.setExposedHeaders(
				List.of(HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, "X-Request-Id"));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", configuration);
		return source;
	}

}
