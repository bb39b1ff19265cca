package org.treatmentnetwork.notification.deliveries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.store.StoreInitializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Every read and change of deliveries. An outcome and a keypress are each recorded once,
 * by a conditional find-and-modify: a replayed receipt or keypress finds them set and
 * changes nothing.
 */
@Component
public class Deliveries implements StoreInitializer {

	/** How far back a text reply looks for the alerts paged to its sender. */
	static final Duration REPLY_WINDOW = Duration.ofDays(2);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public Deliveries(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public Mono<Void> initialize() {
		return this.mongo.indexOps(DeliveryDocument.class)
			.createIndex(new Index(DeliveryDocument.STAFF_ID, Sort.Direction.ASC)
				.on(DeliveryDocument.SENT_AT, Sort.Direction.DESC)
				.named("staffId_sentAt"))
			.then();
	}

	/**
	 * Store a delivery before it is handed to the provider, so that no callback can
	 * arrive before it.
	 * @param id its id
	 * @param alertId the alert
	 * @param staffId the person
	 * @param kind the channel
	 * @param address the number
	 * @return completes when stored
	 */
	public Mono<Void> create(String id, String alertId, String staffId, ContactMethod.Kind kind, String address) {
		return this.mongo
			.insert(new DeliveryDocument(id, alertId, staffId, kind, address, this.clock.instant(), null, null, null,
					null))
			.then();
	}

	/**
	 * Record the provider's id of a delivery.
	 * @param id the delivery
	 * @param providerSid the provider's sid
	 * @return completes when stored
	 */
	public Mono<Void> sent(String id, String providerSid) {
		return this.mongo
			.updateFirst(query(where("_id").is(id)), new Update().set("providerSid", providerSid),
					DeliveryDocument.class)
			.then();
	}

	/**
	 * Record that a delivery never went out (the provider refused it, a limit was
	 * reached): no receipt or reply can refer to it.
	 * @param id the delivery
	 * @return completes when stored
	 */
	public Mono<Void> notSent(String id) {
		return this.mongo.updateFirst(query(where("_id").is(id).and(DeliveryDocument.OUTCOME).is(null)),
				new Update().set(DeliveryDocument.OUTCOME, DeliveryDocument.Outcome.NOT_SENT)
					.set("outcomeAt", this.clock.instant()),
				DeliveryDocument.class)
			.then();
	}

	/**
	 * A delivery.
	 * @param id its id
	 * @return it, or empty
	 */
	public Mono<DeliveryDocument> find(String id) {
		return this.mongo.findById(id, DeliveryDocument.class);
	}

	/**
	 * Record a delivery's final outcome, once.
	 * @param id the delivery
	 * @param outcome the outcome
	 * @return the delivery if this call recorded it; empty if it had one already or is
	 * unknown
	 */
	public Mono<DeliveryDocument> recordOutcome(String id, DeliveryDocument.Outcome outcome) {
		return this.mongo.findAndModify(query(where("_id").is(id).and(DeliveryDocument.OUTCOME).is(null)),
				new Update().set(DeliveryDocument.OUTCOME, outcome).set("outcomeAt", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class);
	}

	/**
	 * Record the key pressed during a call, once.
	 * @param id the delivery
	 * @param key the key
	 * @return the delivery if this call recorded it; empty if a key was recorded already
	 * or the delivery is unknown
	 */
	public Mono<DeliveryDocument> recordKey(String id, String key) {
		return this.mongo.findAndModify(query(where("_id").is(id).and(DeliveryDocument.KEY_PRESSED).is(null)),
				new Update().set(DeliveryDocument.KEY_PRESSED, key), FindAndModifyOptions.options().returnNew(true),
				DeliveryDocument.class);
	}

	/**
	 * The alerts recently texted or called to a person, newest first: what a text reply
	 * of theirs may act on. Only deliveries the provider accepted count.
	 * @param staffId the person
	 * @return alert ids, each once
	 */
	public Mono<List<String>> alertsRecentlyPagedTo(String staffId) {
		Instant since = this.clock.instant().minus(REPLY_WINDOW);
		return this.mongo
			.find(query(where(DeliveryDocument.STAFF_ID).is(staffId)
				.and(DeliveryDocument.SENT_AT)
				.gte(since)
				.and("providerSid")
				.ne(null)
				.and(DeliveryDocument.OUTCOME)
				.ne(DeliveryDocument.Outcome.NOT_SENT)).with(Sort.by(Sort.Direction.DESC, DeliveryDocument.SENT_AT))
				.limit(500), DeliveryDocument.class)
			.map(DeliveryDocument::alertId)
			.distinct()
			.collectList();
	}

}
