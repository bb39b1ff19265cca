package org.treatmentnetwork.identity.tokens;

import java.util.List;

import org.treatmentnetwork.identity.IdentityProperties;
import org.treatmentnetwork.identity.clients.ClientRegistrations;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims the suite reads, added to every access token: {@code aud} the suite's
 * audience (not the client's id), and {@code roles}, the contract's roles: those of the
 * member of staff who signed in, or those configured for a machine client. The subject is
 * the staff member's username or the machine client's id; issuer and expiry are the
 * provider's.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final IdentityProperties properties;

	TokenClaims(IdentityProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		context.getClaims().audience(List.of(this.properties.audience())).claim("roles", roles(context));
	}

	private List<String> roles(JwtEncodingContext context) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			List<String> roles = context.getRegisteredClient()
				.getClientSettings()
				.getSetting(ClientRegistrations.ROLES_SETTING);
			return (roles != null) ? roles : List.of();
		}
		return context.getPrincipal()
			.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.filter(IdentityProperties.ROLES::contains)
			.sorted()
			.toList();
	}

}
