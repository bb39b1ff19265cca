package org.treatmentnetwork.gateway.loadbalancing;

import java.net.ConnectException;

import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * Runs right after the load balancer has chosen an instance: when that instance refuses
 * the connection (it has stopped or crashed), it leaves the rotation before the route's
 * retry chooses again, so the retry goes to another instance rather than, by the turn of
 * the round-robin, to the same one.
 */
class RefusedConnectionFilter implements GlobalFilter, Ordered {

	private final ServiceInstances instances;

	RefusedConnectionFilter(ServiceInstances instances) {
		this.instances = instances;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange).doOnError((ex) -> {
			Response<ServiceInstance> chosen = exchange
				.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
			if (chosen != null && chosen.hasServer() && refused(ex)) {
				this.instances.refusedConnection(chosen.getServer());
			}
		});
	}

	@Override
	public int getOrder() {
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
	}

	private static boolean refused(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

}
