package org.treatmentnetwork.gateway.secrets;

import java.net.URI;
import java.util.List;

import org.treatmentnetwork.servicedefaults.secrets.DevelopmentValues;
import org.treatmentnetwork.servicedefaults.secrets.SecretsCheck;

import org.springframework.core.env.Environment;

/**
 * Refuses to start the gateway outside the {@code local} profile without a staff token
 * key or with the local stack's development key (the check of service-defaults'
 * {@link SecretsCheck}), or with a shared Redis ({@code spring.data.redis.url}) that
 * takes no password. Runs before any bean is created, so no port is opened; the failure
 * names the property, never its value.
 */
public final class ProductionSecretsCheck extends SecretsCheck {

	public ProductionSecretsCheck() {
		super("gateway");
	}

	@Override
	protected void addServiceProblems(Environment environment, List<String> problems) {
		String redisUrl = environment.getProperty("spring.data.redis.url");
		if (!blank(redisUrl)) {
			String password = redisPassword(redisUrl, environment.getProperty("spring.data.redis.password"));
			if (blank(password)) {
				problems.add("spring.data.redis.url (SPRING_DATA_REDIS_URL) has no password, and "
						+ "spring.data.redis.password is not set either");
			}
			else if (DevelopmentValues.isPlaceholder(password)) {
				problems.add("the password of spring.data.redis.url is a placeholder, not a secret");
			}
		}
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

}
