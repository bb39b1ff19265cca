package org.treatmentnetwork.intake.privacy;

import org.junit.jupiter.api.Test;

import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.treatmentnetwork.intake.support.TestEncryption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without configured keys the cipher, and so the service, does not start.
 */
class EncryptionConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(CipherConfiguration.class);

	@Test
	void refusesToStartWithoutKeys() {
		this.runner.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void startsWithKeys() {
		this.runner
			.withPropertyValues("intake.encryption.keys=" + TestEncryption.CURRENT_KEY,
					"intake.encryption.current-key-id=test-2026",
					"intake.encryption.lookup-keys=" + TestEncryption.LOOKUP_KEY,
					"intake.encryption.current-lookup-key-id=test-lookup-2026")
			.run((context) -> assertThat(context).hasSingleBean(PersonalDataCipher.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EncryptionProperties.class)
	@Import(PersonalDataCipher.class)
	static class CipherConfiguration {

	}

}
