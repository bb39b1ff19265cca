package org.treatmentnetwork.servicedefaults.tokens;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token settings as they bind, their defaults, and the refusal to start without an
 * issuer or an audience or with a lifetime that makes no sense. Each service tests on its
 * own that its {@code application.yml} maps the {@code STAFF_TOKEN_*} variables.
 */
class StaffTokenSettingsTests {

	private static final String PREFIX = "treatment-network.security.tokens.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StaffTokenValidation.class);

	@Test
	void everySettingBinds() {
		this.runner
			.withPropertyValues(PREFIX + "issuer=https://login.example.org", PREFIX + "audience=staff-api",
					PREFIX + "max-lifetime=1h", PREFIX + "clock-skew=10s")
			.run((context) -> assertThat(context).getBean(StaffTokenProperties.class)
				.isEqualTo(new StaffTokenProperties("https://login.example.org", "staff-api", Duration.ofHours(1),
						Duration.ofSeconds(10))));
	}

	@Test
	void theLifetimeAndSkewHaveDefaults() {
		this.runner.withPropertyValues(PREFIX + "issuer=https://login.example.org", PREFIX + "audience=staff-api")
			.run((context) -> assertThat(context).getBean(StaffTokenProperties.class)
				.satisfies((properties) -> assertThat(properties.maxLifetime()).isEqualTo(Duration.ofHours(12)))
				.satisfies((properties) -> assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30))));
	}

	@Test
	void issuerAndAudienceAreStrippedOfSpaces() {
		this.runner.withPropertyValues(PREFIX + "issuer= https://login.example.org ", PREFIX + "audience= staff-api")
			.run((context) -> assertThat(context).getBean(StaffTokenProperties.class)
				.satisfies((properties) -> assertThat(properties.issuer()).isEqualTo("https://login.example.org"))
				.satisfies((properties) -> assertThat(properties.audience()).isEqualTo("staff-api")));
	}

	@Test
	void withoutAnIssuerTheApplicationDoesNotStart() {
		this.runner.withPropertyValues(PREFIX + "audience=staff-api")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("treatment-network.security.tokens.issuer (STAFF_TOKEN_ISSUER) must be set"));
	}

	@Test
	void withoutAnAudienceTheApplicationDoesNotStart() {
		this.runner.withPropertyValues(PREFIX + "issuer=https://login.example.org")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("treatment-network.security.tokens.audience (STAFF_TOKEN_AUDIENCE) must be set"));
	}

	@Test
	void aBlankIssuerIsNoIssuer() {
		this.runner.withPropertyValues(PREFIX + "issuer= ", PREFIX + "audience=staff-api")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("treatment-network.security.tokens.issuer"));
	}

	@Test
	void aLifetimeOfZeroIsRefused() {
		this.runner
			.withPropertyValues(PREFIX + "issuer=https://login.example.org", PREFIX + "audience=staff-api",
					PREFIX + "max-lifetime=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("treatment-network.security.tokens.max-lifetime"));
	}

	@Test
	void aNegativeClockSkewIsRefused() {
		this.runner
			.withPropertyValues(PREFIX + "issuer=https://login.example.org", PREFIX + "audience=staff-api",
					PREFIX + "clock-skew=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("treatment-network.security.tokens.clock-skew"));
	}

}
