package org.treatmentnetwork.notification.oncall;

import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.notification.store.StoreInitializer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The record of schedule changes ({@code schedule_changes}). A change is first stored in
 * the team's own document ({@code pendingChanges}), in the same atomic update that
 * changes the schedule, so no change can be stored without its record; it is then copied
 * into {@code schedule_changes} under its own id (a copy already there is left alone) and
 * removed from the team. A copy that failed (the database went away between the two
 * writes, a crash) is made at the next change of that team, the next read of its changes,
 * or the next start.
 */
@Component
class ScheduleChanges implements StoreInitializer {

	private static final Logger log = LoggerFactory.getLogger(ScheduleChanges.class);

	static final String PENDING = "pendingChanges";

	private static final String TEAMS = "teams";

	private final ReactiveMongoTemplate mongo;

	ScheduleChanges(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A change as a document for the team's {@code pendingChanges}, in the shape it will
	 * have in {@code schedule_changes}.
	 * @param change the change
	 * @return the document
	 */
	Document pending(ScheduleChange change) {
		Document document = new Document();
		this.mongo.getConverter().write(change, document);
		return document;
	}

	/**
	 * Copies a team's pending changes into {@code schedule_changes}, oldest first, and
	 * removes each from the team once it is there.
	 * @param teamId the team
	 * @return completes when every pending change is copied
	 */
	Mono<Void> publish(String teamId) {
		Query team = query(where("_id").is(teamId));
		team.fields().include(PENDING);
		return this.mongo.findOne(team, Document.class, TEAMS)
			.flatMapMany((document) -> Flux.fromIterable(document.getList(PENDING, Document.class, List.of())))
			.concatMap((change) -> this.mongo.insert(new Document(change), ScheduleChange.COLLECTION)
				.onErrorResume(DuplicateKeyException.class, (alreadyCopied) -> Mono.empty())
				.then(this.mongo.updateFirst(query(where("_id").is(teamId)),
						new Update().pull(PENDING, new Document("_id", change.get("_id"))), TEAMS)))
			.then();
	}

	/**
	 * A team's changes, newest first.
	 * @param teamId the team
	 * @param limit at most this many
	 * @return the changes
	 */
	Flux<ScheduleChange> of(String teamId, int limit) {
		Query changes = query(where("team").is(teamId)).with(Sort.by(Sort.Direction.DESC, "revision")).limit(limit);
		return publish(teamId).onErrorResume((ex) -> {
			log.warn("Pending schedule changes of team {} not copied yet: {}", teamId, ex.getClass().getName());
			return Mono.empty();
		}).thenMany(this.mongo.find(changes, ScheduleChange.class));
	}

	/**
	 * Creates the index of the change log and copies changes left pending by an earlier
	 * run.
	 */
	@Override
	public Mono<Void> initialize() {
		Query teams = new Query();
		teams.fields().include("_id", PENDING);
		return this.mongo.indexOps(ScheduleChange.class)
			.createIndex(
					new Index("team", Sort.Direction.ASC).on("revision", Sort.Direction.DESC).named("team_revision"))
			.thenMany(this.mongo.find(teams, Document.class, TEAMS))
			.filter((team) -> !team.getList(PENDING, Document.class, List.of()).isEmpty())
			.concatMap((team) -> publish(team.getString("_id")))
			.then();
	}

}
