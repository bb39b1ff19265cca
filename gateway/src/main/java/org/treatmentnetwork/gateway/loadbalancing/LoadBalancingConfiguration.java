package org.treatmentnetwork.gateway.loadbalancing;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routes with an {@code lb://<service>} URI are balanced over the configured instances of
 * that service ({@link ServiceInstances}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = PerServiceConfiguration.class)
class LoadBalancingConfiguration {

	@Bean
	ServiceInstances serviceInstances(LoadBalancingProperties properties, MeterRegistry meters) {
		return new ServiceInstances(properties, meters);
	}

	@Bean
	RefusedConnectionFilter refusedConnectionFilter(ServiceInstances instances) {
		return new RefusedConnectionFilter(instances);
	}

}
