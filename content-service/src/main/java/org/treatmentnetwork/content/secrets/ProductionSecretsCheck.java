package org.treatmentnetwork.content.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the service outside the {@code local} profile without a staff token
 * key ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri}
 * or {@code public-key-location}), or with the local stack's development key (a
 * {@code dev-keys} folder). Runs before any bean is created; the failure names the
 * property, never its value.
 */
public final class ProductionSecretsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The profile of the local development stack, where development values belong. */
	public static final String LOCAL_PROFILE = "local";

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private static final Pattern DEV_KEYS_FOLDER = Pattern.compile("(^|[/:\\\\])dev-keys[/\\\\]");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("content-service does not start outside the '" + LOCAL_PROFILE
					+ "' profile with missing or development secrets:" + System.lineSeparator() + "  - "
					+ String.join(System.lineSeparator() + "  - ", problems));
		}
	}

	List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		String publicKey = environment.getProperty(JWT + "public-key-location");
		if (blank(environment.getProperty(JWT + "issuer-uri")) && blank(environment.getProperty(JWT + "jwk-set-uri"))
				&& blank(publicKey)) {
			problems.add(JWT + "issuer-uri, jwk-set-uri or public-key-location: none is set (staff tokens "
					+ "cannot be checked)");
		}
		else if (!blank(publicKey) && DEV_KEYS_FOLDER.matcher(publicKey).find()) {
			problems.add(JWT + "public-key-location is the local stack's development key (a dev-keys folder)");
		}
		return problems;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
