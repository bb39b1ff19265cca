package org.treatmentnetwork.intake.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.intake.requests.RequestStatus;
import org.treatmentnetwork.servicedefaults.background.BackgroundLoop;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The call center's service levels: time from receipt to the first contact attempt and to
 * contact, per urgency ({@code intake.pipeline.first.contact.attempt},
 * {@code intake.pipeline.contact}); first attempts made after {@code firstContactDueAt}
 * ({@code intake.pipeline.first.contact.breaches}); and, refreshed every
 * {@code intake.pipeline.metrics-interval}, the requests awaiting contact
 * ({@code intake.pipeline.queue.size}) and those past their due time without an attempt
 * ({@code intake.pipeline.overdue}). No tag carries anything but the urgency.
 */
@Component
class PipelineMetrics extends BackgroundLoop implements SmartLifecycle {

	private final MeterRegistry meters;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final AtomicLong queueSize = new AtomicLong();

	private final AtomicLong overdue = new AtomicLong();

	PipelineMetrics(MeterRegistry meters, ReactiveMongoTemplate mongo, PipelineProperties properties, Clock clock) {
		// The gauges keep their last values when a refresh fails; the next one tries
		// again.
		super("Refreshing pipeline gauges", Duration.ZERO, properties.metricsInterval());
		this.meters = meters;
		this.mongo = mongo;
		this.clock = clock;
		Gauge.builder("intake.pipeline.queue.size", this.queueSize, AtomicLong::get)
			.description("Requests awaiting contact (RECEIVED or CONTACT_ATTEMPTED)")
			.register(meters);
		Gauge.builder("intake.pipeline.overdue", this.overdue, AtomicLong::get)
			.description("Requests past firstContactDueAt without a contact attempt")
			.register(meters);
	}

	void firstContactAttempt(PipelineRequest request, Instant at) {
		String urgency = request.urgency().name();
		Timer.builder("intake.pipeline.first.contact.attempt")
			.description("Time from receipt to the first contact attempt")
			.tag("urgency", urgency)
			.register(this.meters)
			.record(Duration.between(request.receivedAt(), at));
		if (request.firstContactDueAt() != null && at.isAfter(request.firstContactDueAt())) {
			Counter.builder("intake.pipeline.first.contact.breaches")
				.description("First contact attempts made after firstContactDueAt")
				.tag("urgency", urgency)
				.register(this.meters)
				.increment();
		}
	}

	void contacted(PipelineRequest request, Instant at) {
		Timer.builder("intake.pipeline.contact")
			.description("Time from receipt to contact")
			.tag("urgency", request.urgency().name())
			.register(this.meters)
			.record(Duration.between(request.receivedAt(), at));
	}

	/**
	 * Counts the requests awaiting contact and the overdue ones.
	 */
	Mono<Void> refresh() {
		Instant now = this.clock.instant();
		Query awaiting = new Query(
				where("status").in(RequestStatus.AWAITING_CONTACT.stream().map(Enum::name).toList()));
		Query late = new Query(where("status").is(RequestStatus.RECEIVED.name()).and("firstContactDueAt").lt(now));
		return this.mongo.count(awaiting, PipelineRequest.COLLECTION)
			.doOnNext(this.queueSize::set)
			.then(this.mongo.count(late, PipelineRequest.COLLECTION).doOnNext(this.overdue::set))
			.then();
	}

	@Override
	protected Mono<Void> runRound(boolean scheduled) {
		return refresh();
	}

}
