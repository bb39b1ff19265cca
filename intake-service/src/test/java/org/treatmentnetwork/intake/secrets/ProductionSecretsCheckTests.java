package org.treatmentnetwork.intake.secrets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.intake.IntakeApplication;
import org.treatmentnetwork.intake.support.RunningIntake;
import org.treatmentnetwork.intake.support.TestEncryption;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The service started the way {@code main} starts it refuses, outside the {@code local}
 * profile, development keys, placeholders and missing keys, naming each property but
 * never its value, and starts with real keys.
 */
class ProductionSecretsCheckTests {

	/** The development keys of application-local.yml, which are public. */
	private static final String DEV_KEY = "FBs7+/sRO1GdM1PdgG3+9a+oyylTbrq94yQcp62B56I=";

	private static final String DEV_LOOKUP_KEY = "5OmXWjRInsyePF4r8x3LtzbpaIGTFWBTfcqQlUQGo1o=";

	@Test
	void refusesTheDevelopmentKeysOfTheLocalProfile() {
		assertThatIllegalStateException()
			.isThrownBy(() -> run("--intake.encryption.keys=dev-2026:" + DEV_KEY,
					"--intake.encryption.current-key-id=dev-2026",
					"--intake.encryption.lookup-keys=dev-2026:" + DEV_LOOKUP_KEY,
					"--intake.encryption.current-lookup-key-id=dev-2026"))
			.withMessageContaining("outside the 'local' profile")
			.withMessageContaining("intake.encryption.keys (INTAKE_ENCRYPTION_KEYS) holds a development key")
			.withMessageContaining(
					"intake.encryption.lookup-keys (INTAKE_ENCRYPTION_LOOKUP_KEYS) holds a development key")
			.withMessageNotContaining(DEV_KEY)
			.withMessageNotContaining(DEV_LOOKUP_KEY);
	}

	@Test
	void refusesACommittedDevelopmentKeyUnderAnotherIdAndBesideARealOne() {
		assertThatIllegalStateException()
			.isThrownBy(() -> run("--intake.encryption.keys=" + TestEncryption.CURRENT_KEY + ",prod-2025:" + DEV_KEY,
					"--intake.encryption.current-key-id=test-2026",
					"--intake.encryption.lookup-keys=" + TestEncryption.LOOKUP_KEY,
					"--intake.encryption.current-lookup-key-id=test-lookup-2026"))
			.withMessageContaining("intake.encryption.keys (INTAKE_ENCRYPTION_KEYS) holds a development key")
			.withMessageNotContaining("lookup-keys")
			.withMessageNotContaining(DEV_KEY);
	}

	@Test
	void refusesMissingKeysNamingEachOne() {
		assertThatIllegalStateException()
			.isThrownBy(() -> run("--intake.encryption.keys=",
					"--spring.security.oauth2.resourceserver.jwt.public-key-location="))
			.withMessageContaining("intake.encryption.keys (INTAKE_ENCRYPTION_KEYS) is missing")
			.withMessageContaining("intake.encryption.current-key-id (INTAKE_ENCRYPTION_CURRENT_KEY_ID) is missing")
			.withMessageContaining("intake.encryption.lookup-keys (INTAKE_ENCRYPTION_LOOKUP_KEYS) is missing")
			.withMessageContaining(
					"intake.encryption.current-lookup-key-id (INTAKE_ENCRYPTION_CURRENT_LOOKUP_KEY_ID) is missing")
			.withMessageContaining("issuer-uri, jwk-set-uri or public-key-location: none is set");
	}

	@Test
	void refusesTheLocalStacksTokenKeyAndPlaceholders() {
		assertThatIllegalStateException().isThrownBy(() -> run(withRealKeys(
				"--intake.encryption.keys=k1:change-me-in-production",
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:/srv/app/.data/dev-keys/jwt-public.pem")))
			.withMessageContaining("intake.encryption.keys (INTAKE_ENCRYPTION_KEYS) holds a placeholder")
			.withMessageContaining("public-key-location is the local stack's development key")
			.withMessageNotContaining("/srv/app");
	}

	@Test
	void namesTheLookupKeyPropertyThatWasReplaced() {
		assertThatIllegalStateException()
			.isThrownBy(() -> run("--intake.encryption.keys=" + TestEncryption.CURRENT_KEY,
					"--intake.encryption.current-key-id=test-2026",
					"--intake.encryption.lookup-key=" + TestEncryption.LOOKUP_KEY.substring(17)))
			.withMessageContaining("intake.encryption.lookup-key (INTAKE_ENCRYPTION_LOOKUP_KEY) was replaced by "
					+ "intake.encryption.lookup-keys");
	}

	@Test
	void startsWithRealKeys() {
		try (RunningIntake intake = RunningIntake.start("secrets-check", withRealKeys())) {
			intake.client()
				.mutate()
				.responseTimeout(Duration.ofSeconds(10))
				.build()
				.get()
				.uri("/actuator/health/liveness")
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void theLocalProfileIsNotChecked() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("local");
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(environment);

		new ProductionSecretsCheck().initialize(context);

		assertThat(new ProductionSecretsCheck().problems(environment)).as("what it would say outside local")
			.isNotEmpty();
	}

	private static void run(String... arguments) {
		IntakeApplication.application().run(RunningIntake.arguments("secrets-check", arguments)).close();
	}

	/** Real keys, then the overrides (which replace an argument of the same name). */
	private static String[] withRealKeys(String... overrides) {
		List<String> arguments = new ArrayList<>(
				List.of("--intake.encryption.keys=" + TestEncryption.OLD_KEY + "," + TestEncryption.CURRENT_KEY,
						"--intake.encryption.current-key-id=test-2026",
						"--intake.encryption.lookup-keys=" + TestEncryption.LOOKUP_KEY,
						"--intake.encryption.current-lookup-key-id=test-lookup-2026"));
		arguments.addAll(List.of(overrides));
		return arguments.toArray(String[]::new);
	}

}
