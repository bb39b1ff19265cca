package org.treatmentnetwork.notification.secrets;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the service outside the {@code local} profile while a secret is
 * missing, is a development value (see {@link DevelopmentValues}) or is a placeholder.
 * Runs before any bean is created, so nothing is consumed, stored or sent; the failure
 * names each property and its environment variable, never a value.
 *
 * <p>
 * Checked: the signing key of acknowledgement links ({@code notification.links.secret}),
 * the SMS provider's credentials when an SMS provider is configured, the SMTP password
 * when an SMTP user is configured, and the staff token key
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}, not the local stack's {@code dev-keys}).
 */
public final class ProductionSecretsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The profile of the local development stack, where development values belong. */
	public static final String LOCAL_PROFILE = "local";

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private final DevelopmentValues development = DevelopmentValues.committedIn("application-local.yml");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("notification-service does not start outside the '" + LOCAL_PROFILE
					+ "' profile with missing or development secrets:" + System.lineSeparator() + "  - "
					+ String.join(System.lineSeparator() + "  - ", problems));
		}
	}

	List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		secret(environment, "notification.links.secret", "ALERT_LINK_SECRET", problems);
		if (!blank(environment.getProperty("notification.channels.sms-provider.base-url"))) {
			secret(environment, "notification.channels.sms-provider.username", "SMS_API_USERNAME", problems);
			secret(environment, "notification.channels.sms-provider.password", "SMS_API_PASSWORD", problems);
		}
		if (!blank(environment.getProperty("spring.mail.username"))) {
			secret(environment, "spring.mail.password", "SPRING_MAIL_PASSWORD", problems);
		}
		tokenKey(environment, problems);
		return problems;
	}

	private void secret(Environment environment, String property, String variable, List<String> problems) {
		String value = environment.getProperty(property);
		if (blank(value)) {
			problems.add(property + " (" + variable + ") is missing");
		}
		else if (this.development.isCommitted(value)) {
			problems.add(property + " (" + variable + ") is a development value committed in application-local.yml");
		}
		else if (DevelopmentValues.isPlaceholder(value)) {
			problems.add(property + " (" + variable + ") is a public default or placeholder, not a secret");
		}
	}

	private static void tokenKey(Environment environment, List<String> problems) {
		String publicKey = environment.getProperty(JWT + "public-key-location");
		if (blank(environment.getProperty(JWT + "issuer-uri")) && blank(environment.getProperty(JWT + "jwk-set-uri"))
				&& blank(publicKey)) {
			problems.add(JWT + "issuer-uri, jwk-set-uri or public-key-location: none is set (staff tokens "
					+ "cannot be checked)");
		}
		else if (!blank(publicKey) && DevelopmentValues.isDevelopmentKeyLocation(publicKey)) {
			problems.add(JWT + "public-key-location is the local stack's development key (a dev-keys folder)");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
