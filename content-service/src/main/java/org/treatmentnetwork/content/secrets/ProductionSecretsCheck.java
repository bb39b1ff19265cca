package org.treatmentnetwork.content.secrets;

import java.util.List;

import org.treatmentnetwork.servicedefaults.secrets.SecretsCheck;

import org.springframework.core.env.Environment;

/**
 * Refuses to start content-service outside the {@code local} profile without a staff
 * token key, or with the local stack's development key (the check of service-defaults'
 * {@link SecretsCheck}). Content-service holds no secret of its own.
 */
public final class ProductionSecretsCheck extends SecretsCheck {

	public ProductionSecretsCheck() {
		super("content-service");
	}

	@Override
	protected void addServiceProblems(Environment environment, List<String> problems) {
		// only the staff token key, which every service needs
	}

}
