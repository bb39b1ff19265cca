package org.treatmentnetwork.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.acklinks.AckLinkTokens;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertTriggered;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.OnCallPerson;
import org.treatmentnetwork.notification.store.StoreReadyEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pages the person on call for every alert whose next action is due.
 * <p>
 * A pass claims due alerts one by one with an atomic find-and-modify that sets a lease
 * ({@link Alerts#claimNextDue}), so several instances never page for the same alert, and
 * an instance that dies mid-send only delays the page until its lease expires. Passes run
 * right after an alert is created ({@link AlertTriggered}) and every
 * {@code poll-interval}, which also retries failed deliveries when their backoff is over.
 * <p>
 * Delivery is at least once: if recording the outcome fails after the e-mail went out,
 * the lease expires and the page is sent again.
 */
@Component
class AlertDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

	private final Alerts alerts;

	private final OnCallDirectory directory;

	private final EmailChannel email;

	private final AckLinkTokens links;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final AlertMessageComposer composer = new AlertMessageComposer();

	private final String owner = "notification-" + UUID.randomUUID();

	private final Sinks.Many<Object> wakeUps = Sinks.many().multicast().onBackpressureBuffer(16, false);

	private final Counter sent;

	private final Counter failed;

	private final Counter passFailures;

	private volatile Disposable loop;

	AlertDispatcher(Alerts alerts, OnCallDirectory directory, EmailChannel email, AckLinkTokens links,
			DeliveryProperties properties, Clock clock, MeterRegistry meters) {
		this.alerts = alerts;
		this.directory = directory;
		this.email = email;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
		this.sent = Counter.builder("notification.pages")
			.tag("channel", "email")
			.tag("outcome", "sent")
			.register(meters);
		this.failed = Counter.builder("notification.pages")
			.tag("channel", "email")
			.tag("outcome", "failed")
			.register(meters);
		this.passFailures = Counter.builder("notification.dispatch.pass.failures").register(meters);
	}

	@EventListener(StoreReadyEvent.class)
	synchronized void start() {
		if (this.loop != null) {
			return;
		}
		log.info("Dispatcher {} started (poll every {})", this.owner, this.properties.pollInterval());
		this.loop = Flux.merge(Flux.interval(this.properties.pollInterval()), this.wakeUps.asFlux())
			.onBackpressureDrop()
			.flatMap((signal) -> dispatchDue(), 2, 1)
			.subscribe();
	}

	@EventListener
	void onAlertTriggered(AlertTriggered triggered) {
		// Coalescing signal: if it cannot be queued, a pass is pending or running anyway
		// and
		// the next poll picks the alert up.
		synchronized (this.wakeUps) {
			this.wakeUps.tryEmitNext(triggered.alertId());
		}
	}

	@Override
	public void destroy() {
		Disposable current = this.loop;
		if (current != null) {
			current.dispose();
		}
	}

	/**
	 * Claim and page every due alert, up to the batch size.
	 * @return completes when the pass is over; never errors
	 */
	Mono<Void> dispatchDue() {
		return this.alerts.claimNextDue(this.owner, this.properties.lease())
			.expand((previous) -> this.alerts.claimNextDue(this.owner, this.properties.lease()))
			.take(this.properties.batchSize(), true)
			.flatMap(this::deliver, this.properties.concurrency())
			.then()
			.onErrorResume((ex) -> {
				// The loop must outlive a store outage: claimed alerts are retried when
				// their lease expires, others on the next pass.
				this.passFailures.increment();
				log.warn("Dispatch pass failed, retrying on the next tick: {}", ex.toString());
				return Mono.empty();
			});
	}

	private Mono<Void> deliver(AlertDocument alert) {
		return this.directory.stepOneFor(alert.centerId(), this.clock.instant())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((person) -> person.isPresent() ? page(alert, person.get()) : nobodyOnCall(alert));
	}

	private Mono<Void> nobodyOnCall(AlertDocument alert) {
		this.failed.increment();
		log.warn("Nobody is on call for alert {} (center {})", alert.id(), alert.centerId());
		return this.alerts.recordDeliveryFailed(alert.id(), this.owner, null, null,
				"Nobody is on call for this alert's team", retryAt(alert));
	}

	private Mono<Void> page(AlertDocument alert, OnCallPerson person) {
		AlertMessage message = this.composer.compose(alert, person.email(), person.zone(),
				this.links.linkFor(alert.id(), person.staffId()));
		return this.email.send(message).thenReturn(Boolean.TRUE).onErrorResume((ex) -> {
			this.failed.increment();
			log.warn("E-mail page for alert {} to {} failed: {}", alert.id(), person.staffId(), ex.toString());
			return Mono.just(Boolean.FALSE);
		}).flatMap((delivered) -> {
			if (delivered) {
				this.sent.increment();
				log.info("Alert {} (reference {}) paged to {} by e-mail", alert.id(), alert.reference(),
						person.staffId());
				return this.alerts.recordNotified(alert.id(), this.owner, person.staffId(), TimelineChannel.EMAIL,
						"Paged on call for team " + person.teamId() + " (step " + alert.escalationStep() + ")");
			}
			return this.alerts.recordDeliveryFailed(alert.id(), this.owner, person.staffId(), TimelineChannel.EMAIL,
					"E-mail delivery failed", retryAt(alert));
		});
	}

	private Instant retryAt(AlertDocument alert) {
		return this.clock.instant().plus(this.properties.retryDelay(alert.deliveryAttempts() + 1));
	}

}
