package org.treatmentnetwork.servicedefaults.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter;

/**
 * The settings every security chain of the suite shares; a service's
 * {@code SecurityConfiguration} starts from them and adds who may call what:
 *
 * <pre class="code">
 * return StaffApiSecurity.statelessBearerApi(http, problems)
 * 	.authorizeExchange((exchanges) -&gt; ...)
 * 	.build();
 * </pre>
 *
 * Tokens are decoded by Spring Boot's resource-server support from
 * {@code spring.security.oauth2.resourceserver.jwt.*} and checked by
 * {@link org.treatmentnetwork.servicedefaults.tokens.StaffTokenValidation}, which the
 * service imports.
 */
public final class StaffApiSecurity {

	private StaffApiSecurity() {
	}

	/**
	 * {@link #stateless(ServerHttpSecurity)} and
	 * {@link #bearerTokens(ServerHttpSecurity, ProblemResponseWriter)}.
	 * @param http the chain's builder
	 * @param problems writes the {@code 401} and {@code 403} answers
	 * @return the builder
	 */
	public static ServerHttpSecurity statelessBearerApi(ServerHttpSecurity http, ProblemResponseWriter problems) {
		return bearerTokens(stateless(http), problems);
	}

	/**
	 * No state between requests and no browser login: CSRF protection off (the API takes
	 * bearer tokens, never cookies), no HTTP basic, form login or logout, no security
	 * context kept between requests, no saved request.
	 * @param http the chain's builder
	 * @return the builder
	 */
	public static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
	}

	/**
	 * Staff bearer tokens as a resource server (JWT), with {@code 401} and {@code 403} as
	 * problem+json both from the bearer filter and from authorization.
	 * @param http the chain's builder
	 * @param problems writes the {@code 401} and {@code 403} answers
	 * @return the builder
	 */
	public static ServerHttpSecurity bearerTokens(ServerHttpSecurity http, ProblemResponseWriter problems) {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
		return http
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied));
	}

}
