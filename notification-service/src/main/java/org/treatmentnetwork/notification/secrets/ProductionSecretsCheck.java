package org.treatmentnetwork.notification.secrets;

import java.util.List;

import org.treatmentnetwork.servicedefaults.secrets.DevelopmentValues;
import org.treatmentnetwork.servicedefaults.secrets.SecretsCheck;

import org.springframework.core.env.Environment;

/**
 * Refuses to start the service outside the {@code local} profile while a secret is
 * missing, is a development value (see {@link DevelopmentValues}) or is a placeholder.
 * Runs before any bean is created, so nothing is consumed, stored or sent; the failure
 * names each property and its environment variable, never a value.
 *
 * <p>
 * Checked: the signing key of acknowledgement links ({@code notification.links.secret}),
 * the text and voice provider's auth token when its account is configured (it is also the
 * key webhooks are signed with), the SMTP password when an SMTP user is configured, and,
 * in service-defaults' {@link SecretsCheck}, the staff token key.
 */
public final class ProductionSecretsCheck extends SecretsCheck {

	private final DevelopmentValues development = DevelopmentValues.committedIn("application-local.yml");

	public ProductionSecretsCheck() {
		super("notification-service");
	}

	@Override
	protected void addServiceProblems(Environment environment, List<String> problems) {
		secret(environment, "notification.links.secret", "ALERT_LINK_SECRET", problems);
		if (!blank(environment.getProperty("notification.twilio.account-sid"))) {
			secret(environment, "notification.twilio.auth-token", "TWILIO_AUTH_TOKEN", problems);
			// Signatures are checked against this URL: a default one refuses every
			// receipt
			// and reply.
			String webhooks = environment.getProperty("notification.twilio.webhook-base-url", "");
			if (blank(webhooks) || webhooks.contains("://localhost") || webhooks.contains("://127.0.0.1")) {
				problems.add("notification.twilio.webhook-base-url (TWILIO_WEBHOOK_BASE_URL, or PUBLIC_BASE_URL) "
						+ "must be the public URL the text and voice provider calls");
			}
		}
		if (!blank(environment.getProperty("spring.mail.username"))) {
			secret(environment, "spring.mail.password", "SPRING_MAIL_PASSWORD", problems);
		}
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

}
