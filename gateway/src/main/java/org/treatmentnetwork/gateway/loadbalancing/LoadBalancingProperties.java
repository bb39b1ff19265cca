package org.treatmentnetwork.gateway.loadbalancing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The instances of each service behind the gateway and how their readiness is checked.
 *
 * @param services service id (as in a route's {@code lb://} URI) to the base URLs of its
 * instances; a comma-separated list binds too, so {@code CONTENT_SERVICE_URL} may name
 * one instance or several
 * @param readinessPath the path on each instance that answers {@code 200} while it takes
 * requests
 * @param checkInterval how often the readiness of each instance is checked (only for a
 * service with more than one instance: a single instance is always tried)
 * @param checkTimeout how long one check may take before the instance counts as not ready
 */
@Validated
@ConfigurationProperties("gateway.load-balancing")
public record LoadBalancingProperties(@NotEmpty Map<String, List<URI>> services,
		@NotNull @DefaultValue("/actuator/health/readiness") String readinessPath,
		@NotNull @DefaultValue("1s") Duration checkInterval, @NotNull @DefaultValue("800ms") Duration checkTimeout) {

	public LoadBalancingProperties {
		services = Map.copyOf(services);
		services.forEach((service, urls) -> {
			if (urls == null || urls.isEmpty()) {
				throw new IllegalArgumentException("gateway.load-balancing.services." + service + " names no instance");
			}
			for (URI url : urls) {
				if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
					throw new IllegalArgumentException("gateway.load-balancing.services." + service + ": '" + url
							+ "' is not an http(s) URL with a host");
				}
			}
		});
	}

}
