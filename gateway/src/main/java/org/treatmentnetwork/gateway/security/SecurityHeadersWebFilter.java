package org.treatmentnetwork.gateway.security;

import org.treatmentnetwork.gateway.paths.RequestPaths;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Adds {@code Strict-Transport-Security} and {@code Content-Security-Policy} to every
 * answer, the gateway's own and the services' (Spring Security adds
 * {@code X-Content-Type-Options} and {@code Referrer-Policy}). HTML (the notification
 * service's one-click pages) always gets a strict policy: the service's own is kept only
 * when it starts from {@code default-src 'none'} (it may list the hash of its inline
 * style), otherwise the gateway's replaces it. The Swagger UI under {@code /api/docs}
 * gets a policy of its own, as strict as its scripts allow.
 */
final class SecurityHeadersWebFilter implements WebFilter, Ordered {

	static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

	static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";

	private static final String STRICT_ROOT = "default-src 'none'";

	private final SecurityHeadersProperties properties;

	private final String hsts;

	SecurityHeadersWebFilter(SecurityHeadersProperties properties) {
		this.properties = properties;
		this.hsts = properties.hsts().enabled() ? properties.hsts().headerValue() : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		boolean docs = RequestPaths.matches(RequestPaths.DOCS, exchange.getRequest());
		response.beforeCommit(() -> {
			apply(response.getHeaders(), docs);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private void apply(HttpHeaders headers, boolean docs) {
		if (this.hsts != null) {
			headers.set(STRICT_TRANSPORT_SECURITY, this.hsts);
		}
		String policy = headers.getFirst(CONTENT_SECURITY_POLICY);
		if (docs && isHtml(headers)) {
			headers.set(CONTENT_SECURITY_POLICY, this.properties.docsContentSecurityPolicy());
		}
		else if (isHtml(headers)) {
			if (policy == null || !policy.trim().startsWith(STRICT_ROOT)
					|| headers.get(CONTENT_SECURITY_POLICY).size() > 1) {
				headers.set(CONTENT_SECURITY_POLICY, this.properties.htmlContentSecurityPolicy());
			}
		}
		else if (policy == null) {
			headers.set(CONTENT_SECURITY_POLICY, this.properties.apiContentSecurityPolicy());
		}
	}

	private static boolean isHtml(HttpHeaders headers) {
		MediaType contentType;
		try {
			contentType = headers.getContentType();
		}
		catch (RuntimeException ex) {
			// an unparsable type could still be sniffed as HTML by an old browser
			return true;
		}
		return contentType != null && (MediaType.TEXT_HTML.isCompatibleWith(contentType)
				|| MediaType.APPLICATION_XHTML_XML.isCompatibleWith(contentType));
	}

}
