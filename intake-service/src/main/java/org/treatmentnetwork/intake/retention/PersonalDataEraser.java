package org.treatmentnetwork.intake.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.intake.outbox.ContactRequestCollection;
import org.treatmentnetwork.servicedefaults.background.BackgroundLoop;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Every {@code intake.retention.interval}, erases the personal fields (name, phone,
 * e-mail, best time, substances, message, look-up hashes and the notes in the history) of
 * requests that finished more than {@code intake.retention.closed-requests} ago, keeping
 * what the statistics need (status, urgency, times, history steps); and removes expired
 * idempotency keys. Each request is erased by one conditional update, so instances
 * running the job side by side do no harm.
 */
@Component
class PersonalDataEraser extends BackgroundLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataEraser.class);

	static final String REQUESTS = ContactRequestCollection.NAME;

	static final String IDEMPOTENCY_KEYS = "idempotency_keys";

	private static final List<String> PERSONAL_FIELDS = List.of("name", "phone", "email", "bestTimeToContact",
			"substances", "message", "phoneHash", "emailHash");

	private static final int BATCH = 500;

	private final ReactiveMongoTemplate mongo;

	private final RetentionProperties properties;

	private final Clock clock;

	private final Counter erased;

	PersonalDataEraser(ReactiveMongoTemplate mongo, RetentionProperties properties, Clock clock, MeterRegistry meters) {
		// A failed run is tried again at the next interval.
		super("Erasure job", Duration.ofSeconds(30), properties.interval());
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.erased = Counter.builder("intake.retention.erased")
			.description("Requests whose personal data was erased after the retention period")
			.register(meters);
	}

	/**
	 * Erases what is due now.
	 * @return the number of requests erased
	 */
	Mono<Long> eraseDue() {
		Instant now = this.clock.instant();
		Query due = new Query(
				where("closedAt").lte(now.minus(this.properties.closedRequests())).and("personalDataErasedAt").is(null))
			.limit(BATCH);
		due.fields().include("_id", "history");
		return this.mongo.find(due, Document.class, REQUESTS)
			.concatMap((request) -> erase(request, now))
			.filter(Boolean::booleanValue)
			.count()
			.doOnNext((count) -> {
				if (count > 0) {
					this.erased.increment(count);
					log.info("Erased the personal data of {} finished requests", count);
				}
			})
			.flatMap((count) -> this.mongo.remove(new Query(where("expiresAt").lte(now)), IDEMPOTENCY_KEYS)
				.thenReturn(count));
	}

	private Mono<Boolean> erase(Document request, Instant now) {
		List<Document> history = request.getList("history", Document.class, List.of()).stream().map((entry) -> {
			Document copy = new Document(entry);
			copy.remove("note");
			return copy;
		}).toList();
		Update update = new Update().set("history", history).set("personalDataErasedAt", now);
		PERSONAL_FIELDS.forEach(update::unset);
		Query query = new Query(where("_id").is(request.get("_id")).and("personalDataErasedAt").is(null));
		return this.mongo.updateFirst(query, update, REQUESTS).map((result) -> result.getModifiedCount() > 0);
	}

	@Override
	protected Mono<Long> runRound(boolean scheduled) {
		return eraseDue();
	}

}
