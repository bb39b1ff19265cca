package org.treatmentnetwork.gateway.loadbalancing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The configuration of each service's load balancer (one child context per service id):
 * its instances come from {@link ServiceInstances}. Deliberately not a
 * {@code @Configuration}, so that component scanning leaves it to the load balancer.
 */
class PerServiceConfiguration {

	@Bean
	ServiceInstanceListSupplier configuredInstances(Environment environment, ServiceInstances instances) {
		return new ConfiguredInstanceListSupplier(LoadBalancerClientFactory.getName(environment), instances);
	}

}
