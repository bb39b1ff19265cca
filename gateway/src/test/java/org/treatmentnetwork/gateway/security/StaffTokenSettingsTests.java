package org.treatmentnetwork.gateway.security;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenSettingsContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token settings as the application's own {@code application.yml} binds them from the
 * environment, and the refusal to start without an issuer or an audience
 * ({@link StaffTokenSettingsContract}); here also under a misspelt variable name.
 */
class StaffTokenSettingsTests extends StaffTokenSettingsContract {

	@Test
	void aMisspeltVariableLeavesTheIssuerUnsetSoTheApplicationDoesNotStart() {
		this.runner
			.withSystemProperties("GATEWAY_TOKEN_ISSUER=https://login.example.org", "STAFF_TOKEN_AUDIENCE=staff-api")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("treatment-network.security.tokens.issuer (STAFF_TOKEN_ISSUER) must be set"));
	}

}
