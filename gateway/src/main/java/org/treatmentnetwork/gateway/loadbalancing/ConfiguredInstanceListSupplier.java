package org.treatmentnetwork.gateway.loadbalancing;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * The instances one route's load balancer chooses from: those of {@link ServiceInstances}
 * in rotation at the moment of each request.
 */
class ConfiguredInstanceListSupplier implements ServiceInstanceListSupplier {

	private final String serviceId;

	private final ServiceInstances instances;

	ConfiguredInstanceListSupplier(String serviceId, ServiceInstances instances) {
		this.serviceId = serviceId;
		this.instances = instances;
	}

	@Override
	public String getServiceId() {
		return this.serviceId;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return Flux.defer(() -> Flux.just(this.instances.available(this.serviceId)));
	}

}
