package org.treatmentnetwork.notification.alerts;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.notification.store.StoreInitializer;

/**
 * Creates the indexes the alerts rely on. The unique index on {@code requestId} is what
 * makes a redelivered event a no-op.
 */
@Component
class AlertIndexes implements StoreInitializer {

	private final ReactiveMongoTemplate mongo;

	AlertIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Void> initialize() {
		ReactiveIndexOperations indexes = this.mongo.indexOps(AlertDocument.class);
		return indexes
			.createIndex(new Index(AlertDocument.REQUEST_ID, Sort.Direction.ASC).unique().named("requestId_unique"))
			.then(indexes.createIndex(new Index(AlertDocument.STATE, Sort.Direction.ASC)
				.on(AlertDocument.NEXT_ACTION_AT, Sort.Direction.ASC)
				.named("state_nextActionAt")))
			.then(indexes.createIndex(new Index(AlertDocument.CREATED_AT, Sort.Direction.DESC).named("createdAt")))
			.then(indexes.createIndex(new Index(AlertDocument.REFERENCE, Sort.Direction.ASC).named("reference")))
			.then(indexes.createIndex(new Index(AlertDocument.UPDATED_AT, Sort.Direction.ASC).named("updatedAt")))
			.then(indexes
				.createIndex(new Index(AlertDocument.LINKED_REQUEST_IDS, Sort.Direction.ASC).named("linkedRequestIds")))
			.then(indexes.createIndex(new Index(AlertDocument.DUPLICATE_OF, Sort.Direction.ASC).named("duplicateOf")))
			// The sweep's other way of being due: open alerts with repeat notices.
			.then(indexes.createIndex(new Index(AlertDocument.STATE, Sort.Direction.ASC)
				.on(AlertDocument.REPEAT_NOTICE_AT, Sort.Direction.ASC)
				.named("state_repeatNoticeAt")))
			// The sweep's third way of being due: follow-ups (text, then call).
			.then(indexes.createIndex(new Index(AlertDocument.STATE, Sort.Direction.ASC)
				.on(AlertDocument.FOLLOW_UPS + "." + FollowUp.DUE_AT, Sort.Direction.ASC)
				.named("state_followUpsDueAt")))
			// A person's open alerts, for the summary when many are open.
			.then(indexes.createIndex(new Index(AlertDocument.PAGED_STAFF_IDS, Sort.Direction.ASC)
				.on(AlertDocument.STATE, Sort.Direction.ASC)
				.named("pagedStaffIds_state")))
			.then();
	}

}
