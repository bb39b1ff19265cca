package org.treatmentnetwork.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allowed origins are exact origins; a wildcard never starts the gateway.
 */
class CorsPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(CorsPropertiesConfiguration.class);

	@Test
	void commaSeparatedOriginsAreBound() {
		this.contextRunner
			.withPropertyValues("gateway.cors.allowed-origins=https://www.example.org,http://localhost:3000")
			.run((context) -> assertThat(context.getBean(CorsProperties.class).allowedOrigins())
				.containsExactly("https://www.example.org", "http://localhost:3000"));
	}

	@Test
	void wildcardsAreRejected() {
		for (String origins : new String[] { "*", "https://*.example.org", "http://localhost:3000,*" }) {
			this.contextRunner.withPropertyValues("gateway.cors.allowed-origins=" + origins)
				.run((context) -> assertThat(context).hasFailed());
		}
	}

	@Test
	void pathsAndMissingOriginsAreRejected() {
		this.contextRunner.withPropertyValues("gateway.cors.allowed-origins=https://www.example.org/app")
			.run((context) -> assertThat(context).hasFailed());
		this.contextRunner.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CorsProperties.class)
	static class CorsPropertiesConfiguration {

	}

}
