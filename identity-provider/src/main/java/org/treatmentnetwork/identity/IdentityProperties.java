package org.treatmentnetwork.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the provider is configured with.
 *
 * @param issuer the issuer of every token and of the discovery document: the URL the
 * provider is reached at, as the services check it ({@code STAFF_TOKEN_ISSUER})
 * @param audience the audience of every access token ({@code STAFF_TOKEN_AUDIENCE})
 * @param signingKey the RSA private key (PKCS #8 PEM) tokens are signed with; its public
 * half is published at {@code /oauth2/jwks}
 * @param accessTokenLifetime how long an access token is valid
 * @param refreshTokenLifetime how long a refresh token is valid, counted from the sign-in
 * @param staff the staff who may sign in
 * @param browserClients applications that sign staff in (authorization code with PKCE)
 * @param machineClients applications that act on their own (client credentials)
 */
@Validated
@ConfigurationProperties("identity")
public record IdentityProperties(@NotNull URI issuer, @NotBlank String audience, @NotNull Path signingKey,
		@NotNull @DefaultValue("15m") Duration accessTokenLifetime,
		@NotNull @DefaultValue("8h") Duration refreshTokenLifetime, @DefaultValue List<@Valid StaffMember> staff,
		@DefaultValue List<@Valid BrowserClient> browserClients,
		@DefaultValue List<@Valid MachineClient> machineClients) {

	/** The roles of the contract, the only ones a token may carry. */
	public static final Set<String> ROLES = Set.of("EDITOR", "INTAKE_AGENT", "ON_CALL", "SUPERVISOR");

	public IdentityProperties {
		staff.forEach((member) -> requireKnownRoles("staff " + member.username(), member.roles()));
		machineClients.forEach((client) -> requireKnownRoles("client " + client.clientId(), client.roles()));
	}

	private static void requireKnownRoles(String who, List<String> roles) {
		for (String role : roles) {
			if (!ROLES.contains(role)) {
				throw new IllegalArgumentException(who + " has the role '" + role + "'; roles are " + ROLES);
			}
		}
	}

	/**
	 * A member of staff who may sign in.
	 *
	 * @param username what they sign in with, also the tokens' subject
	 * @param password the password in Spring Security's storage format
	 * ({@code {bcrypt}...}; {@code {noop}...} only for local demo users)
	 * @param roles their roles
	 */
	public record StaffMember(@NotBlank String username, @NotBlank String password, @NotEmpty List<String> roles) {

		@Override
		public String toString() {
			return "StaffMember[username=" + this.username + ", roles=" + this.roles + "]";
		}

	}

	/**
	 * An application that signs staff in through this provider's page.
	 *
	 * @param clientId its id
	 * @param clientSecret its secret in Spring Security's storage format
	 * @param redirectUris where the provider may send the browser back with a code
	 * @param postLogoutRedirectUris where the provider may send the browser after signing
	 * out
	 */
	public record BrowserClient(@NotBlank String clientId, @NotBlank String clientSecret,
			@NotEmpty List<String> redirectUris, @DefaultValue List<String> postLogoutRedirectUris) {

		@Override
		public String toString() {
			return "BrowserClient[clientId=" + this.clientId + "]";
		}

	}

	/**
	 * An application that asks for tokens for itself (client credentials), such as a
	 * script or the telephony system; the tokens' subject is its id.
	 *
	 * @param clientId its id
	 * @param clientSecret its secret in Spring Security's storage format
	 * @param roles the roles its tokens carry
	 */
	public record MachineClient(@NotBlank String clientId, @NotBlank String clientSecret,
			@NotEmpty List<String> roles) {

		@Override
		public String toString() {
			return "MachineClient[clientId=" + this.clientId + ", roles=" + this.roles + "]";
		}

	}

}
