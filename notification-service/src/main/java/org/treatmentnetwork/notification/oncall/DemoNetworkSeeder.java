package org.treatmentnetwork.notification.oncall;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.notification.store.StoreInitializer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Seeds a clearly fictional demo network so that a fresh installation pages someone: the
 * network-wide team {@code network} with a daily rotation of three staff (handoff 08:00,
 * America/New_York) and a supervisor. Every field is set only on insert, so edits made
 * later survive restarts.
 */
@Component
@ConditionalOnBooleanProperty("notification.on-call.seed-demo-network")
class DemoNetworkSeeder implements StoreInitializer {

	static final String TEAM = "network";

	static final List<StaffDocument> STAFF = List.of(
			new StaffDocument("avery-example", "Avery Example", "avery.example@staff.treatment-network.test"),
			new StaffDocument("jordan-example", "Jordan Example", "jordan.example@staff.treatment-network.test"),
			new StaffDocument("riley-example", "Riley Example", "riley.example@staff.treatment-network.test"),
			new StaffDocument("morgan-example", "Morgan Example", "morgan.example@staff.treatment-network.test"));

	static final TeamDocument NETWORK_TEAM = new TeamDocument(
			TEAM, "Network on-call (demo)", null, new TeamDocument.StoredRotation("2026-01-05", "08:00",
					"America/New_York", 1, List.of("avery-example", "jordan-example", "riley-example")),
			List.of(), "morgan-example");

	private final ReactiveMongoTemplate mongo;

	DemoNetworkSeeder(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Void> initialize() {
		Flux<?> staff = Flux.fromIterable(STAFF)
			.concatMap((member) -> this.mongo.upsert(query(where("_id").is(member.id())),
					new Update().setOnInsert("displayName", member.displayName()).setOnInsert("email", member.email()),
					StaffDocument.class));
		Mono<?> team = this.mongo.upsert(query(where("_id").is(TEAM)),
				new Update().setOnInsert("name", NETWORK_TEAM.name())
					.setOnInsert("centerId", null)
					.setOnInsert("rotation", NETWORK_TEAM.rotation())
					.setOnInsert("overrides", List.of())
					.setOnInsert("supervisorId", NETWORK_TEAM.supervisorId()),
				TeamDocument.class);
		return staff.then(team).then();
	}

}
