package org.treatmentnetwork.intake.secrets;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the service outside the {@code local} profile while a key or secret is
 * missing, is a development value (see {@link DevelopmentValues}) or is a placeholder.
 * Runs before any bean is created, so nothing is served or stored; the failure names each
 * property and its environment variable, never a value.
 *
 * <p>
 * Checked: the encryption keys ({@code intake.encryption.keys}, {@code current-key-id}),
 * the look-up keys ({@code intake.encryption.lookup-keys}, {@code current-lookup-key-id})
 * and the staff token key ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri},
 * {@code jwk-set-uri} or {@code public-key-location}, not the local stack's
 * {@code dev-keys}).
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
			throw new IllegalStateException("intake-service does not start outside the '" + LOCAL_PROFILE
					+ "' profile with missing or development secrets:" + System.lineSeparator() + "  - "
					+ String.join(System.lineSeparator() + "  - ", problems));
		}
	}

	List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		keyList(environment, "intake.encryption.keys", "INTAKE_ENCRYPTION_KEYS", problems);
		required(environment, "intake.encryption.current-key-id", "INTAKE_ENCRYPTION_CURRENT_KEY_ID", problems);
		if (blank(environment.getProperty("intake.encryption.lookup-keys"))
				&& !blank(environment.getProperty("intake.encryption.lookup-key"))) {
			problems.add("intake.encryption.lookup-key (INTAKE_ENCRYPTION_LOOKUP_KEY) was replaced by "
					+ "intake.encryption.lookup-keys (INTAKE_ENCRYPTION_LOOKUP_KEYS, id:base64) and "
					+ "intake.encryption.current-lookup-key-id; see the intake-service README");
		}
		else {
			keyList(environment, "intake.encryption.lookup-keys", "INTAKE_ENCRYPTION_LOOKUP_KEYS", problems);
		}
		required(environment, "intake.encryption.current-lookup-key-id", "INTAKE_ENCRYPTION_CURRENT_LOOKUP_KEY_ID",
				problems);
		tokenKey(environment, problems);
		return problems;
	}

	private void keyList(Environment environment, String property, String variable, List<String> problems) {
		String value = environment.getProperty(property);
		if (blank(value)) {
			problems.add(property + " (" + variable + ") is missing");
			return;
		}
		boolean devId = false;
		for (String entry : value.split(",")) {
			int colon = entry.indexOf(':');
			devId |= colon > 0 && DevelopmentValues.isDevelopmentKeyId(entry.substring(0, colon));
		}
		if (devId || this.development.isCommitted(value)) {
			problems.add(property + " (" + variable + ") holds a development key (committed in application-local.yml"
					+ " or with an id starting with 'dev-')");
		}
		else if (DevelopmentValues.isPlaceholder(value)) {
			problems.add(property + " (" + variable + ") holds a placeholder, not a key");
		}
	}

	private static void required(Environment environment, String property, String variable, List<String> problems) {
		if (blank(environment.getProperty(property))) {
			problems.add(property + " (" + variable + ") is missing");
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
