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
 * Seeds a clearly fictional demo network so that a fresh local stack pages someone (only
 * when {@code notification.on-call.seed-demo-network} is set, which the {@code local}
 * profile's {@code application-local.yml} does; never in production): the network-wide
 * team {@code network} and one team for each of two fictional demo centers
 * ({@code demo-center-harbor}, {@code demo-center-ridge}), each with a rotation, a
 * supervisor, an escalation policy and the supervisors who may change them. Every field
 * is set only on insert, so edits made later survive restarts; a team stored before
 * escalation policies (or its list of supervisors) existed gets the demo one once.
 */
@Component
@ConditionalOnBooleanProperty("notification.on-call.seed-demo-network")
class DemoNetworkSeeder implements StoreInitializer {

	static final String TEAM = "network";

	private static final ContactMethod.Kind EMAIL = ContactMethod.Kind.EMAIL;

	private static final ContactMethod.Kind SMS = ContactMethod.Kind.SMS;

	private static final ContactMethod.Kind VOICE = ContactMethod.Kind.VOICE;

	/**
	 * How every demo step reaches each person: e-mail and, for a CRISIS alert, a text at
	 * once, then a call after 2 minutes if nobody acknowledged (the demo staff's text and
	 * call methods are for CRISIS alerts only, so other alerts go by e-mail).
	 */
	static final List<TeamDocument.StoredContact> TEXT_THEN_CALL = List.of(
			new TeamDocument.StoredContact(EMAIL.name(), 0), new TeamDocument.StoredContact(SMS.name(), 0),
			new TeamDocument.StoredContact(VOICE.name(), 2));

	static final List<StaffDocument> STAFF = List.of(staff("avery-example", "Avery Example", "avery.example", "0101"),
			staff("jordan-example", "Jordan Example", "jordan.example", "0102"),
			staff("riley-example", "Riley Example", "riley.example", "0103"),
			staff("morgan-example", "Morgan Example", "morgan.example", "0104"),
			staff("casey-example", "Casey Example", "casey.example", "0105"),
			staff("drew-example", "Drew Example", "drew.example", "0106"),
			staff("skyler-example", "Skyler Example", "skyler.example", "0107"),
			staff("taylor-example", "Taylor Example", "taylor.example", "0108"),
			staff("quinn-example", "Quinn Example", "quinn.example", "0109"));

	static final TeamDocument NETWORK_TEAM = new TeamDocument(TEAM, "Network on-call (demo)", null,
			new TeamDocument.StoredRotation("2026-01-05", "08:00", "America/New_York", 1,
					List.of("avery-example", "jordan-example", "riley-example")),
			List.of(), "morgan-example",
			new TeamDocument.StoredPolicy(List.of(step("SCHEDULE", null, 10), step("SUPERVISOR", null, 10)), 2),
			List.of("morgan-example"));

	static final TeamDocument HARBOR_TEAM = new TeamDocument("center-demo-harbor", "Harbor center on-call (demo)",
			"demo-center-harbor",
			new TeamDocument.StoredRotation(
					"2026-01-05", "09:00", "America/Chicago", 7, List.of("casey-example", "drew-example")),
			List.of(), "quinn-example",
			new TeamDocument.StoredPolicy(
					List.of(step("SCHEDULE", null, 10), step("SUPERVISOR", null, 10), step("SCHEDULE", TEAM, 10)), 1),
			List.of("quinn-example"));

	static final TeamDocument RIDGE_TEAM = new TeamDocument("center-demo-ridge", "Ridge center on-call (demo)",
			"demo-center-ridge",
			new TeamDocument.StoredRotation(
					"2026-01-05", "07:00", "America/Denver", 1, List.of("skyler-example", "taylor-example")),
			List.of(), "quinn-example",
			new TeamDocument.StoredPolicy(
					List.of(step("SCHEDULE", null, 10), step("SUPERVISOR", null, 10), step("SCHEDULE", TEAM, 10)), 1),
			List.of("quinn-example"));

	static final List<TeamDocument> TEAMS = List.of(NETWORK_TEAM, HARBOR_TEAM, RIDGE_TEAM);

	private final ReactiveMongoTemplate mongo;

	DemoNetworkSeeder(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Void> initialize() {
		Flux<?> staff = Flux.fromIterable(STAFF)
			.concatMap((member) -> this.mongo.upsert(query(where("_id").is(member.id())),
					new Update().setOnInsert("displayName", member.displayName())
						.setOnInsert("email", member.email())
						.setOnInsert("contactMethods", member.contactMethods()),
					StaffDocument.class));
		Flux<?> teams = Flux.fromIterable(TEAMS)
			.concatMap((team) -> this.mongo
				.upsert(query(where("_id").is(team.id())),
						new Update().setOnInsert("name", team.name())
							.setOnInsert("centerId", team.centerId())
							.setOnInsert("rotation", team.rotation())
							.setOnInsert("overrides", List.of())
							.setOnInsert("supervisorId", team.supervisorId())
							.setOnInsert("escalation", team.escalation())
							.setOnInsert("supervisors", team.supervisors()),
						TeamDocument.class)
				.then(this.mongo.updateFirst(query(where("_id").is(team.id()).and("escalation").exists(false)),
						new Update().set("escalation", team.escalation()), TeamDocument.class))
				.then(this.mongo.updateFirst(query(where("_id").is(team.id()).and("supervisors").exists(false)),
						new Update().set("supervisors", team.supervisors()), TeamDocument.class)));
		return staff.thenMany(teams).then();
	}

	private static StaffDocument staff(String id, String name, String mailbox, String line) {
		String email = mailbox + "@staff.treatment-network.test";
		// E-mail for every alert; texts and calls to a fictional 555-01xx number for
		// crisis alerts (and if e-mail fails).
		String phone = "+1202555" + line;
		return new StaffDocument(id, name, email, List.of(new ContactMethod(EMAIL, email, null),
				new ContactMethod(SMS, phone, List.of("CRISIS")), new ContactMethod(VOICE, phone, List.of("CRISIS"))));
	}

	private static TeamDocument.StoredStep step(String target, String teamId, int minutes) {
		return new TeamDocument.StoredStep(target, teamId, null, minutes, TEXT_THEN_CALL);
	}

}
