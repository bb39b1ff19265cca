package org.treatmentnetwork.intake.secrets;

import java.util.List;

import org.treatmentnetwork.servicedefaults.secrets.DevelopmentValues;
import org.treatmentnetwork.servicedefaults.secrets.SecretsCheck;

import org.springframework.core.env.Environment;

/**
 * Refuses to start the service outside the {@code local} profile while a key or secret is
 * missing, is a development value (see {@link DevelopmentValues}) or is a placeholder.
 * Runs before any bean is created, so nothing is served or stored; the failure names each
 * property and its environment variable, never a value.
 *
 * <p>
 * Checked: the encryption keys ({@code intake.encryption.keys}, {@code current-key-id}),
 * the look-up keys ({@code intake.encryption.lookup-keys}, {@code current-lookup-key-id})
 * and, in service-defaults' {@link SecretsCheck}, the staff token key.
 */
public final class ProductionSecretsCheck extends SecretsCheck {

	private final DevelopmentValues development = DevelopmentValues.committedIn("application-local.yml");

	public ProductionSecretsCheck() {
		super("intake-service");
	}

	@Override
	protected void addServiceProblems(Environment environment, List<String> problems) {
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

}
