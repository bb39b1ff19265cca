/**
 * What the security chain of every service and the gateway shares:
 * {@link org.treatmentnetwork.servicedefaults.security.StaffApiSecurity} makes a chain
 * stateless (no CSRF for the bearer API, no session, no saved request, no basic or form
 * login) and validates staff bearer tokens as a resource server, answering {@code 401}
 * and {@code 403} as problem+json through
 * {@link org.treatmentnetwork.servicedefaults.security.ProblemAuthenticationEntryPoint}
 * and {@link org.treatmentnetwork.servicedefaults.security.ProblemAccessDeniedHandler}.
 * Each service keeps its own rules of who may call what.
 */
package org.treatmentnetwork.servicedefaults.security;
