package org.treatmentnetwork.gateway.fallback;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The routes' time limits as configured in {@code application.yml}, their environment
 * overrides, and limits that leave no time for the service.
 */
class TimeLimitsPropertiesTests {

	@Test
	void applicationDefaultsAnswerContentWithinThreeAndIntakeWithinFiveSeconds() throws IOException {
		TimeLimitsProperties limits = fromApplicationYml(Map.of());
		assertThat(limits.content()).isEqualTo(Duration.ofSeconds(3));
		assertThat(limits.intake()).isEqualTo(Duration.ofSeconds(5));
		assertThat(limits.alerts()).isEqualTo(Duration.ofSeconds(10));
		assertThat(limits.forService(limits.content())).isEqualTo(Duration.ofMillis(2750));
		assertThat(limits.forService(limits.intake())).isEqualTo(Duration.ofMillis(4750));
	}

	@Test
	void environmentVariablesOverrideTheLimits() throws IOException {
		TimeLimitsProperties limits = fromApplicationYml(
				Map.of("GATEWAY_CONTENT_TIME_LIMIT", "2s", "GATEWAY_INTAKE_TIME_LIMIT", "4500ms"));
		assertThat(limits.content()).isEqualTo(Duration.ofSeconds(2));
		assertThat(limits.intake()).isEqualTo(Duration.ofMillis(4500));
	}

	@Test
	void aLimitNoLongerThanTheReserveIsRefused() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("gateway.time-limits.content", "200ms", "gateway.time-limits.fallback-reserve", "250ms")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> binder.bind("gateway.time-limits", TimeLimitsProperties.class))
			.havingRootCause()
			.withMessageContaining("gateway.time-limits.content");
	}

	private static TimeLimitsProperties fromApplicationYml(Map<String, Object> environmentVariables)
			throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new org.springframework.core.env.MapPropertySource("environment", environmentVariables));
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return Binder.get(environment).bind("gateway.time-limits", TimeLimitsProperties.class).get();
	}

}
