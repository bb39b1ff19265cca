package org.treatmentnetwork.gateway.fallback;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The longest a person waits for an answer on each route, the service's or, when the
 * service is down, hangs or fails, the fallback's. The route's time limiter gives the
 * service this limit less {@code fallbackReserve}, which is left for the gateway's own
 * work before and after the call, so that the fallback, written from memory, still
 * arrives within the limit.
 *
 * @param content route {@code content}: treatment information and the crisis lines
 * @param intake route {@code intake}: the contact form and the call center
 * @param alerts routes {@code alerts} and {@code on-call}: staff screens
 * @param fallbackReserve the part of each limit kept for the gateway's own work
 */
@Validated
@ConfigurationProperties("gateway.time-limits")
public record TimeLimitsProperties(@NotNull @DefaultValue("3s") Duration content,
		@NotNull @DefaultValue("5s") Duration intake, @NotNull @DefaultValue("10s") Duration alerts,
		@NotNull @DefaultValue("250ms") Duration fallbackReserve) {

	public TimeLimitsProperties {
		if (fallbackReserve != null && fallbackReserve.isNegative()) {
			throw new IllegalArgumentException("gateway.time-limits.fallback-reserve must not be negative");
		}
		requireAboveReserve("content", content, fallbackReserve);
		requireAboveReserve("intake", intake, fallbackReserve);
		requireAboveReserve("alerts", alerts, fallbackReserve);
	}

	/**
	 * How long the route's service is given: the limit less the reserve.
	 * @param limit one of this record's limits
	 * @return the time limiter's timeout for the route
	 */
	public Duration forService(Duration limit) {
		return limit.minus(this.fallbackReserve);
	}

	private static void requireAboveReserve(String route, Duration limit, Duration reserve) {
		if (limit != null && reserve != null && limit.compareTo(reserve) <= 0) {
			throw new IllegalArgumentException("gateway.time-limits." + route + " (" + limit
					+ ") must be longer than gateway.time-limits.fallback-reserve (" + reserve + ")");
		}
	}

}
