package org.treatmentnetwork.gateway.secrets;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the gateway outside the {@code local} profile without a staff token
 * key ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri}
 * or {@code public-key-location}), with the local stack's development key (a
 * {@code dev-keys} folder), or with a shared Redis ({@code spring.data.redis.url}) that
 * takes no password. Runs before any bean is created, so no port is opened; the failure
 * names the property, never its value.
 */
public final class ProductionSecretsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The profile of the local development stack, where development values belong. */
	public static final String LOCAL_PROFILE = "local";

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private static final Pattern DEV_KEYS_FOLDER = Pattern.compile("(^|[/:\\\\])dev-keys[/\\\\]");

	private static final Pattern PLACEHOLDER = Pattern.compile("change-?me|replace-?me|not-?secret",
			Pattern.CASE_INSENSITIVE);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("gateway does not start outside the '" + LOCAL_PROFILE
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
		String redisUrl = environment.getProperty("spring.data.redis.url");
		if (!blank(redisUrl)) {
			String password = redisPassword(redisUrl, environment.getProperty("spring.data.redis.password"));
			if (blank(password)) {
				problems.add("spring.data.redis.url (SPRING_DATA_REDIS_URL) has no password, and "
						+ "spring.data.redis.password is not set either");
			}
			else if (PLACEHOLDER.matcher(password).find()) {
				problems.add("the password of spring.data.redis.url is a placeholder, not a secret");
			}
		}
		return problems;
	}

	/**
	 * The password in {@code redis://[user]:password@host}, or else the separate
	 * property.
	 */
	private static String redisPassword(String url, String property) {
		try {
			String userInfo = URI.create(url.strip()).getRawUserInfo();
			if (userInfo != null && userInfo.indexOf(':') >= 0) {
				String password = userInfo.substring(userInfo.indexOf(':') + 1);
				if (!password.isEmpty()) {
					return password;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// not a URI: Boot reports it when it connects
		}
		return property;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
