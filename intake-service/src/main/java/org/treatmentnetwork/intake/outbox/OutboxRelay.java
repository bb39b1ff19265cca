package org.treatmentnetwork.intake.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.servicedefaults.background.BackgroundLoop;

/**
 * Publishes the events kept in contact request documents to Kafka.
 *
 * <p>
 * A pass claims due documents in batches of up to {@code intake.outbox.batch-size} (a
 * lease per document, so relays on several instances never work on the same document at
 * once). The documents of a batch are published side by side; within a document the
 * events are sent in order, each after the previous one was acknowledged, then exactly
 * the acknowledged events are removed and the lease is released. A document whose send
 * fails is released with an exponential backoff; the others of its batch are not held
 * back. Events are removed only after the broker acknowledged them, so nothing is lost; a
 * crash between the acknowledgement and the removal sends an event again, which consumers
 * tolerate.
 *
 * <p>
 * A request is published right after it was stored: {@link #trigger(String)} queues its
 * id, and the next pass claims it by id (through the {@code _id} index, without looking
 * through the other documents). Every {@code intake.outbox.poll-interval} a pass also
 * sweeps for everything else that is due (retries after a backoff, requests whose trigger
 * was missed or came from another instance, leases of a crashed relay) and refreshes the
 * gauges. Kafka being down never affects intake: requests are stored and wait here.
 */
@Component
class OutboxRelay extends BackgroundLoop implements OutboxTrigger, SmartLifecycle {

	enum Outcome {

		/** The events of every document of a batch were published. */
		PUBLISHED,

		/**
		 * Publishing the events of at least one document of a batch failed; those were
		 * released with a backoff.
		 */
		FAILED,

		/** No document was due. */
		IDLE

	}

	/**
	 * What one batch did.
	 *
	 * @param claimed documents claimed
	 * @param published documents whose events were all published
	 */
	record Batch(int claimed, int published) {

		Outcome outcome() {
			if (this.claimed == 0) {
				return Outcome.IDLE;
			}
			return (this.published == this.claimed) ? Outcome.PUBLISHED : Outcome.FAILED;
		}

	}

	/**
	 * The most batches in one pass, so that the gauges are refreshed now and then while a
	 * backlog drains.
	 */
	private static final int MAX_BATCHES_PER_PASS = 20;

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxStore store;

	private final OutboxSender sender;

	private final ContactRequestEventJson json;

	private final OutboxProperties properties;

	private final Clock clock;

	private final String owner = "relay-" + UUID.randomUUID();

	private final AtomicLong claims = new AtomicLong();

	/**
	 * Ids of requests stored since the last pass. Bounded: an id that does not fit is
	 * published by the next sweep instead.
	 */
	private final BlockingQueue<String> triggered;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong lagMillis = new AtomicLong();

	private final Counter published;

	private final Counter failures;

	OutboxRelay(OutboxStore store, OutboxSender sender, ContactRequestEventJson json, OutboxProperties properties,
			Clock clock, MeterRegistry meterRegistry) {
		// A pass that fails (the database is unreachable or timed out) is logged, and the
		// next poll tries again.
		super("Outbox relay pass", Duration.ZERO, properties.pollInterval(), Rounds.SCHEDULED_AND_ON_DEMAND);
		this.store = store;
		this.sender = sender;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
		this.triggered = new ArrayBlockingQueue<>(properties.batchSize() * 10);
		Gauge.builder("intake.outbox.pending", this.pending, AtomicLong::get)
			.description("Contact requests with events not yet acknowledged by Kafka")
			.register(meterRegistry);
		Gauge.builder("intake.outbox.lag", this.lagMillis, (lag) -> lag.get() / 1000.0)
			.description("Age of the oldest event not yet acknowledged by Kafka")
			.baseUnit("seconds")
			.register(meterRegistry);
		this.published = Counter.builder("intake.outbox.published")
			.description("Events acknowledged by Kafka")
			.register(meterRegistry);
		this.failures = Counter.builder("intake.outbox.failures")
			.description("Failed attempts to publish a request's events")
			.register(meterRegistry);
	}

	@Override
	public void trigger(String requestId) {
		// A full queue or a failed emission (another trigger is being delivered right
		// now, or the relay is not running) only delays: a pass follows, or the next
		// sweep finds the request.
		this.triggered.offer(requestId);
		runRoundSoon();
	}

	/**
	 * Claims by id and publishes the requests triggered since the last call, side by
	 * side.
	 * @return the number of documents published
	 */
	Mono<Long> publishTriggered() {
		List<String> ids = new ArrayList<>();
		this.triggered.drainTo(ids);
		if (ids.isEmpty()) {
			return Mono.just(0L);
		}
		Instant now = this.clock.instant();
		String leaseId = nextLeaseId();
		return Flux.fromIterable(new LinkedHashSet<>(ids))
			.flatMap((id) -> this.store.claim(id, leaseId, now, this.properties.leaseDuration())
				.flatMap((entry) -> publish(entry, leaseId)), this.properties.batchSize())
			.filter((outcome) -> outcome == Outcome.PUBLISHED)
			.count();
	}

	/**
	 * Publishes due documents batch after batch until a batch is not full or has a
	 * failure.
	 * @return the number of documents published
	 */
	Mono<Long> drain() {
		return Mono.defer(this::relayBatch)
			.repeat()
			.takeUntil((batch) -> batch.claimed() < this.properties.batchSize() || batch.outcome() != Outcome.PUBLISHED)
			.take(MAX_BATCHES_PER_PASS)
			.map(Batch::published)
			.reduce(0L, Long::sum);
	}

	/**
	 * Claims and publishes the next batch of due documents, if any.
	 * @return what happened
	 */
	Mono<Outcome> relayNext() {
		return relayBatch().map(Batch::outcome);
	}

	private Mono<Batch> relayBatch() {
		Instant now = this.clock.instant();
		String leaseId = nextLeaseId();
		return this.store.claim(leaseId, now, this.properties.leaseDuration(), this.properties.batchSize())
			.flatMapSequential((entry) -> publish(entry, leaseId), this.properties.batchSize())
			.reduce(new Batch(0, 0), (batch, outcome) -> new Batch(batch.claimed() + 1,
					batch.published() + ((outcome == Outcome.PUBLISHED) ? 1 : 0)));
	}

	/**
	 * A lease id of its own for each claim, so that the documents of one claim are
	 * exactly those that carry it.
	 */
	private String nextLeaseId() {
		return this.owner + "-" + this.claims.incrementAndGet();
	}

	private Mono<Outcome> publish(OutboxEntry entry, String leaseId) {
		List<String> acknowledged = new CopyOnWriteArrayList<>();
		return Flux.fromIterable(entry.pendingEvents())
			.concatMap((event) -> this.sender
				.send(this.properties.topic(), entry.id(), this.json.write(event), event.traceparent())
				.timeout(this.properties.sendTimeout())
				.then(Mono.fromRunnable(() -> acknowledged.add(event.eventId()))))
			.then(Mono.defer(() -> this.store.complete(entry.id(), leaseId, acknowledged, this.clock.instant())))
			.map((stillOwned) -> {
				this.published.increment(acknowledged.size());
				if (!stillOwned) {
					log.warn("Lease on request {} expired while publishing; its events may be published twice",
							entry.id());
				}
				return Outcome.PUBLISHED;
			})
			.onErrorResume((ex) -> failed(entry, leaseId, acknowledged, ex));
	}

	private Mono<Outcome> failed(OutboxEntry entry, String leaseId, List<String> acknowledged, Throwable ex) {
		int attempts = entry.outboxAttempts() + 1;
		Instant next = this.clock.instant().plus(backoff(attempts));
		this.failures.increment();
		this.published.increment(acknowledged.size());
		// Events carry no personal data, and neither do Kafka's or Reactor's messages.
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		log.warn("Publishing events of request {} failed (attempt {}), next attempt at {}: {}", entry.id(), attempts,
				next, (cause != ex) ? ex + " caused by " + cause : ex.toString());
		return this.store.release(entry.id(), leaseId, List.copyOf(acknowledged), attempts, next)
			.thenReturn(Outcome.FAILED);
	}

	/**
	 * The delay before attempt {@code attempts + 1}: the initial backoff doubled per
	 * failure, capped.
	 */
	Duration backoff(int attempts) {
		Duration max = this.properties.maxBackoff();
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration delay = this.properties.initialBackoff().multipliedBy(1L << doublings);
		return (delay.compareTo(max) > 0) ? max : delay;
	}

	/**
	 * A pass: the triggered requests, and when the poll interval elapsed also a sweep.
	 */
	@Override
	protected Mono<Long> runRound(boolean scheduled) {
		return publishTriggered()
			.flatMap((published) -> scheduled ? sweep().map((swept) -> published + swept) : Mono.just(published));
	}

	private Mono<Long> sweep() {
		return drain().flatMap((count) -> this.store.countPending()
			.doOnNext(this.pending::set)
			.then(this.store.oldestPendingEventAt()
				.map((oldest) -> Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis()))
				.defaultIfEmpty(0L)
				.doOnNext(this.lagMillis::set))
			.thenReturn(count));
	}

	@Override
	public synchronized void start() {
		if (!isRunning()) {
			super.start();
			log.info("Outbox relay {} started, publishing to {}", this.owner, this.properties.topic());
		}
	}

}
