package org.treatmentnetwork.identity.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.treatmentnetwork.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients of the configuration as Spring Authorization Server registers them. Browser
 * clients must use PKCE and get no consent screen (they are the suite's own); machine
 * clients get tokens for themselves with the roles configured for them.
 */
@Configuration(proxyBeanMethods = false)
public class ClientRegistrations {

	/** The client setting that holds a machine client's roles. */
	public static final String ROLES_SETTING = "treatment-network.roles";

	@Bean
	RegisteredClientRepository registeredClients(IdentityProperties properties) {
		TokenSettings tokens = TokenSettings.builder()
			.accessTokenTimeToLive(properties.accessTokenLifetime())
			.refreshTokenTimeToLive(properties.refreshTokenLifetime())
			.reuseRefreshTokens(false)
			.build();
		List<RegisteredClient> clients = new ArrayList<>();
		for (IdentityProperties.BrowserClient client : properties.browserClients()) {
			RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(client.clientId())
				.clientSecret(client.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.clientSettings(
						ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.tokenSettings(tokens);
			client.redirectUris().forEach(builder::redirectUri);
			client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
			clients.add(builder.build());
		}
		for (IdentityProperties.MachineClient client : properties.machineClients()) {
			clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(client.clientId())
				.clientSecret(client.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.clientSettings(ClientSettings.builder().setting(ROLES_SETTING, List.copyOf(client.roles())).build())
				.tokenSettings(tokens)
				.build());
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

}
