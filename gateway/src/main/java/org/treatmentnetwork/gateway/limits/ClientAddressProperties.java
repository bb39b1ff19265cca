package org.treatmentnetwork.gateway.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which peers may tell the gateway the client's address. {@code X-Forwarded-For} is read
 * only when the connection comes from one of these; from anyone else it is ignored.
 *
 * @param trustedProxies addresses or CIDR ranges (for example {@code 10.0.0.0/8}) of the
 * load balancers in front of the gateway; empty by default
 */
@ConfigurationProperties("gateway.client-address")
record ClientAddressProperties(List<String> trustedProxies) {

	ClientAddressProperties {
		trustedProxies = (trustedProxies != null)
				? trustedProxies.stream().map(String::trim).filter((proxy) -> !proxy.isEmpty()).toList() : List.of();
		// fails startup on anything that is not an address or range
		trustedProxies.forEach(AddressRange::parse);
	}

}
