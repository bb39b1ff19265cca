package org.treatmentnetwork.servicedefaults.secrets;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The common part of every service's refusal to start with missing or development
 * secrets: the staff token key, the {@code local} profile, and a refusal that names
 * properties, never values.
 */
class SecretsCheckTests {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private final SecretsCheck check = new SecretsCheck("example-service") {

		@Override
		protected void addServiceProblems(Environment environment, List<String> problems) {
			required(environment, "example.secret", "EXAMPLE_SECRET", problems);
		}

	};

	@Test
	void withoutAnyStaffTokenKeyItRefuses() {
		assertThat(this.check.problems(new MockEnvironment().withProperty("example.secret", "s3cr3t-value")))
			.singleElement()
			.asString()
			.contains("issuer-uri, jwk-set-uri or public-key-location: none is set");
	}

	@Test
	void anyOneStaffTokenKeySourceIsEnough() {
		for (String source : List.of("issuer-uri", "jwk-set-uri", "public-key-location")) {
			MockEnvironment environment = new MockEnvironment().withProperty("example.secret", "s3cr3t-value")
				.withProperty(JWT + source, "https://login.example.org/keys");
			assertThat(this.check.problems(environment)).as(source).isEmpty();
		}
	}

	@Test
	void theLocalStacksDevelopmentKeyIsRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("example.secret", "s3cr3t-value")
			.withProperty(JWT + "public-key-location", "file:/srv/stack/dev-keys/staff-token.pub");
		assertThat(this.check.problems(environment)).singleElement()
			.asString()
			.contains("public-key-location is the local stack's development key");
	}

	@Test
	void theServicesOwnProblemsComeFirst() {
		assertThat(this.check.problems(new MockEnvironment())).hasSize(2)
			.first()
			.asString()
			.isEqualTo("example.secret (EXAMPLE_SECRET) is missing");
	}

	@Test
	void theRefusalNamesTheServiceAndThePropertiesButNoValue() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(new MockEnvironment().withProperty(JWT + "public-key-location",
				"file:/srv/stack/dev-keys/staff-token.pub"));
		assertThatIllegalStateException().isThrownBy(() -> this.check.initialize(context))
			.withMessageStartingWith("example-service does not start outside the 'local' profile")
			.withMessageContaining("example.secret (EXAMPLE_SECRET) is missing")
			.withMessageNotContaining("/srv/stack");
	}

	@Test
	void theLocalProfileIsNotChecked() {
		GenericApplicationContext context = new GenericApplicationContext();
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(SecretsCheck.LOCAL_PROFILE);
		context.setEnvironment(environment);
		assertThatNoException().isThrownBy(() -> this.check.initialize(context));
	}

	@Test
	void placeholdersAndDevelopmentKeyIdsAreRecognised() {
		assertThat(DevelopmentValues.isPlaceholder("change-me-in-production")).isTrue();
		assertThat(DevelopmentValues.isPlaceholder("q8Zr1xVb0kP3mW7t")).isFalse();
		assertThat(DevelopmentValues.isDevelopmentKeyId(" dev-2026")).isTrue();
		assertThat(DevelopmentValues.isDevelopmentKeyId("k2026")).isFalse();
	}

}
