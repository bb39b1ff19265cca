package org.treatmentnetwork.servicedefaults.tokens;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that an application's own {@code application.yml} (the one on its classpath)
 * binds the token settings from the environment variables {@code STAFF_TOKEN_ISSUER},
 * {@code STAFF_TOKEN_AUDIENCE}, {@code STAFF_TOKEN_MAX_LIFETIME} and
 * {@code STAFF_TOKEN_CLOCK_SKEW}, that the lifetime and the skew keep their defaults (12
 * h, 30 s) when unset, and that the application refuses to start without an issuer or an
 * audience: the file gives neither a default. The rules on each setting are tested here
 * in {@code StaffTokenSettingsTests}.
 * <p>
 * Each service's {@code StaffTokenSettingsTests} extends it, and adds the cases only it
 * has with {@link #runner}.
 */
public abstract class StaffTokenSettingsContract {

	/**
	 * The application's {@code application.yml} with {@link StaffTokenValidation}, the
	 * environment variables given as system properties.
	 */
	protected final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withPropertyValues("spring.config.location=classpath:/application.yml")
		.withUserConfiguration(StaffTokenValidation.class);

	@Test
	void theEnvironmentVariablesSetEverySetting() {
		this.runner
			.withSystemProperties("STAFF_TOKEN_ISSUER=https://login.example.org", "STAFF_TOKEN_AUDIENCE=staff-api",
					"STAFF_TOKEN_MAX_LIFETIME=1h", "STAFF_TOKEN_CLOCK_SKEW=10s")
			.run((context) -> assertThat(context).getBean(StaffTokenProperties.class)
				.isEqualTo(new StaffTokenProperties("https://login.example.org", "staff-api", Duration.ofHours(1),
						Duration.ofSeconds(10))));
	}

	@Test
	void theLifetimeAndSkewHaveDefaults() {
		this.runner
			.withSystemProperties("STAFF_TOKEN_ISSUER=https://login.example.org", "STAFF_TOKEN_AUDIENCE=staff-api")
			.run((context) -> assertThat(context).getBean(StaffTokenProperties.class)
				.satisfies((properties) -> assertThat(properties.maxLifetime()).isEqualTo(Duration.ofHours(12)))
				.satisfies((properties) -> assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30))));
	}

	@Test
	void withoutAnIssuerTheApplicationDoesNotStart() {
		this.runner.withSystemProperties("STAFF_TOKEN_AUDIENCE=staff-api")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("treatment-network.security.tokens.issuer (STAFF_TOKEN_ISSUER) must be set"));
	}

	@Test
	void withoutAnAudienceTheApplicationDoesNotStart() {
		this.runner.withSystemProperties("STAFF_TOKEN_ISSUER=https://login.example.org")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("treatment-network.security.tokens.audience (STAFF_TOKEN_AUDIENCE) must be set"));
	}

}
