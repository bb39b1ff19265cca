package org.treatmentnetwork.gateway.fallback;

import java.time.Duration;

import io.github.resilience4j.common.timelimiter.configuration.TimeLimiterConfigCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets each route's resilience4j time limiter (instances {@code content}, {@code intake},
 * {@code alerts}, {@code on-call}) from {@link TimeLimitsProperties}. These customizers
 * are applied after the {@code resilience4j.timelimiter.*} properties, so the route
 * limits are set in one place only.
 */
@Configuration(proxyBeanMethods = false)
class TimeLimitsConfiguration {

	@Bean
	TimeLimiterConfigCustomizer contentTimeLimit(TimeLimitsProperties limits) {
		return customizer("content", limits, limits.content());
	}

	@Bean
	TimeLimiterConfigCustomizer intakeTimeLimit(TimeLimitsProperties limits) {
		return customizer("intake", limits, limits.intake());
	}

	@Bean
	TimeLimiterConfigCustomizer alertsTimeLimit(TimeLimitsProperties limits) {
		return customizer("alerts", limits, limits.alerts());
	}

	@Bean
	TimeLimiterConfigCustomizer onCallTimeLimit(TimeLimitsProperties limits) {
		return customizer("on-call", limits, limits.alerts());
	}

	private static TimeLimiterConfigCustomizer customizer(String instance, TimeLimitsProperties limits,
			Duration limit) {
		return TimeLimiterConfigCustomizer.of(instance, (builder) -> builder.timeoutDuration(limits.forService(limit)));
	}

}
