package org.treatmentnetwork.gateway.loadbalancing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.context.SmartLifecycle;

/**
 * The configured instances of every service and which of them are in rotation. For a
 * service with more than one instance, each instance's readiness is checked every
 * {@code check-interval}: an instance that does not answer {@code 200} within
 * {@code check-timeout} leaves the rotation, and comes back with its first {@code 200}.
 * An instance that refuses a connection leaves at once ({@link #refusedConnection}), so
 * the route's retry goes to another one. When no instance of a service is in rotation,
 * all of them are offered: a check can fail while the instance still serves (a long pause
 * under load), and the route's retries, circuit breaker and fallback then decide, exactly
 * as with a single instance.
 */
public class ServiceInstances implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ServiceInstances.class);

	private final LoadBalancingProperties properties;

	private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

	/** Instance id to whether it is in rotation; absent means never checked: in. */
	private final Map<String, Boolean> inRotation = new ConcurrentHashMap<>();

	private final HttpClient http;

	private volatile Disposable checks;

	public ServiceInstances(LoadBalancingProperties properties, MeterRegistry meters) {
		this.properties = properties;
		properties.services().forEach((service, urls) -> {
			List<ServiceInstance> list = new ArrayList<>();
			for (URI url : urls) {
				boolean secure = "https".equals(url.getScheme());
				int port = (url.getPort() != -1) ? url.getPort() : (secure ? 443 : 80);
				list.add(new DefaultServiceInstance(service + "@" + url.getHost() + ":" + port, service, url.getHost(),
						port, secure));
			}
			this.instances.put(service, List.copyOf(list));
			Gauge.builder("gateway.instances.in-rotation", () -> available(service).size())
				.description("Instances of the service that requests are sent to")
				.tag("service", service)
				.register(meters);
		});
		int connectMillis = (int) Math.max(1, properties.checkTimeout().toMillis());
		this.http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
			.responseTimeout(properties.checkTimeout());
	}

	/**
	 * The instances of a service that requests go to: those in rotation, or every
	 * configured one when none is.
	 * @param service the service id
	 * @return the instances, empty only for an unknown service
	 */
	public List<ServiceInstance> available(String service) {
		List<ServiceInstance> all = this.instances.getOrDefault(service, List.of());
		if (all.size() < 2) {
			return all;
		}
		List<ServiceInstance> ready = all.stream()
			.filter((instance) -> this.inRotation.getOrDefault(instance.getInstanceId(), true))
			.toList();
		return ready.isEmpty() ? all : ready;
	}

	/**
	 * Takes an instance that refused a connection out of rotation until its readiness
	 * answers again. A request refused a connection was never received, so its retry may
	 * go to another instance.
	 * @param instance the instance the request was sent to
	 */
	public void refusedConnection(ServiceInstance instance) {
		List<ServiceInstance> all = this.instances.getOrDefault(instance.getServiceId(), List.of());
		if (all.size() > 1) {
			update(instance, false, "refused a connection");
		}
	}

	@Override
	public void start() {
		List<ServiceInstance> checked = this.instances.values()
			.stream()
			.filter((list) -> list.size() > 1)
			.flatMap(List::stream)
			.toList();
		if (checked.isEmpty()) {
			return;
		}
		Duration interval = this.properties.checkInterval();
		this.checks = Flux.interval(Duration.ZERO, interval, Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap((tick) -> Flux.fromIterable(checked).flatMap(this::check).then(), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = this.checks;
		if (running != null) {
			running.dispose();
			this.checks = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.checks != null && !this.checks.isDisposed();
	}

	private Mono<Void> check(ServiceInstance instance) {
		String url = instance.getUri() + this.properties.readinessPath();
		return this.http.get()
			.uri(url)
			.responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
			.timeout(this.properties.checkTimeout())
			.map((status) -> (status == 200) ? "" : "readiness answered " + status)
			.onErrorResume((ex) -> Mono.just("readiness check failed: " + describe(ex)))
			.doOnNext((problem) -> update(instance, problem.isEmpty(), problem))
			.then();
	}

	private void update(ServiceInstance instance, boolean ready, String why) {
		Boolean before = this.inRotation.put(instance.getInstanceId(), ready);
		boolean wasReady = before == null || before;
		if (wasReady && !ready) {
			logger.warn("{} instance {} taken out of rotation: {}", instance.getServiceId(), instance.getUri(), why);
		}
		else if (!wasReady && ready) {
			logger.info("{} instance {} back in rotation", instance.getServiceId(), instance.getUri());
		}
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

}
