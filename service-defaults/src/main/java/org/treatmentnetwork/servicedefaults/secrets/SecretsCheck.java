package org.treatmentnetwork.servicedefaults.secrets;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service outside the {@code local} profile while a key or secret is
 * missing, is a development value (see {@link DevelopmentValues}) or is a placeholder.
 * Runs before any bean is created, so nothing is served or stored; the failure names each
 * property and its environment variable, never a value.
 *
 * <p>
 * Every service needs a staff token key
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}), and not the local stack's {@code dev-keys} one; that
 * check is here. A service adds its own secrets in {@link #addServiceProblems} and
 * registers its subclass with {@code SpringApplication.addInitializers}.
 */
public abstract class SecretsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The profile of the local development stack, where development values belong. */
	public static final String LOCAL_PROFILE = "local";

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private final String service;

	/**
	 * A check for one service.
	 * @param service the service's name, as the refusal names it
	 */
	protected SecretsCheck(String service) {
		this.service = service;
	}

	@Override
	public final void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(this.service + " does not start outside the '" + LOCAL_PROFILE
					+ "' profile with missing or development secrets:" + System.lineSeparator() + "  - "
					+ String.join(System.lineSeparator() + "  - ", problems));
		}
	}

	/**
	 * What the check would refuse in this environment, whatever the profile.
	 * @param environment the service's environment
	 * @return one line per problem, naming properties and variables, never values
	 */
	public final List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		addServiceProblems(environment, problems);
		staffTokenKey(environment, problems);
		return problems;
	}

	/**
	 * Adds the problems with the service's own secrets.
	 * @param environment the service's environment
	 * @param problems where to add them
	 */
	protected abstract void addServiceProblems(Environment environment, List<String> problems);

	/**
	 * Adds a problem when a property is missing.
	 * @param environment the environment
	 * @param property the property
	 * @param variable its environment variable, as the refusal names it
	 * @param problems where to add the problem
	 */
	protected static void required(Environment environment, String property, String variable, List<String> problems) {
		if (blank(environment.getProperty(property))) {
			problems.add(property + " (" + variable + ") is missing");
		}
	}

	/**
	 * Whether a value is missing.
	 * @param value the value or {@code null}
	 * @return whether it is {@code null} or blank
	 */
	protected static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static void staffTokenKey(Environment environment, List<String> problems) {
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

}
