package org.treatmentnetwork.notification.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.treatmentnetwork.notification.problems.ConflictException;
import org.treatmentnetwork.notification.problems.ForbiddenException;
import org.treatmentnetwork.notification.store.StoreInitializer;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Schedule changes against the embedded MongoDB server and the seeded demo network: only
 * the team's supervisors change a schedule, and every change leaves a record of who
 * changed what, exactly once, even when copying the record was interrupted.
 */
@DataMongoTest(
		properties = { "notification.on-call.default-team=network", "notification.on-call.seed-demo-network=true" })
@Import({ OnCallTestConfiguration.class, ScheduleChangesTests.Beans.class })
@ExtendWith(OutputCaptureExtension.class)
class ScheduleChangesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String RIDGE = "center-demo-ridge";

	private static final Instant NOW = Instant.parse("2030-01-07T15:00:00Z");

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("schedule-changes-tests"));
	}

	@Autowired
	private Schedules schedules;

	@Autowired
	private ScheduleChanges changes;

	@Autowired
	private OnCallDirectory directory;

	@Autowired
	private List<StoreInitializer> seed;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@BeforeEach
	void freshNetwork() {
		this.mongo.remove(new Query(), "teams").block(TIMEOUT);
		this.mongo.remove(new Query(), "staff").block(TIMEOUT);
		this.mongo.remove(new Query(), ScheduleChange.COLLECTION).block(TIMEOUT);
		this.seed.forEach((initializer) -> initializer.initialize().block(TIMEOUT));
	}

	@Test
	void seededTeamsNameTheirSupervisors() {
		assertThat(team("network").supervisors()).containsExactly("morgan-example");
		assertThat(team("center-demo-harbor").supervisors()).containsExactly("quinn-example");
		assertThat(team(RIDGE).supervisors()).containsExactly("quinn-example");
	}

	@Test
	void aSupervisorOfAnotherTeamOrAnyoneElseChangesNothing(CapturedOutput output) {
		TeamDocument before = team(RIDGE);

		for (String staffId : new String[] { "morgan-example", "skyler-example", "someone-unknown" }) {
			StepVerifier.create(this.schedules.replace(RIDGE, reordered(), staffId))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ForbiddenException.class)
					.hasMessage("Only this team's supervisors may change its schedule."))
				.verify(TIMEOUT);
		}

		assertThat(team(RIDGE)).isEqualTo(before);
		assertThat(recorded()).isZero();
		assertThat(output.getAll()).contains(
				"Schedule change of team center-demo-ridge refused: morgan-example is not one of its supervisors");
	}

	@Test
	void theTeamsSupervisorChangesItAndTheRecordSaysWhoAndWhat(CapturedOutput output) {
		TeamDocument before = team(RIDGE);

		TeamDocument stored = this.schedules.replace(RIDGE, reordered(), "quinn-example").block(TIMEOUT);

		assertThat(stored.rotation().memberIds()).containsExactly("taylor-example", "skyler-example");
		assertThat(stored.overrides()).hasSize(1);
		assertThat(stored.escalation().repeat()).isEqualTo(2);
		assertThat(stored.revision()).isEqualTo(1L);
		assertThat(team(RIDGE)).isEqualTo(stored);
		List<ScheduleChange> changes = this.changes.of(RIDGE, 10).collectList().block(TIMEOUT);
		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.team()).isEqualTo(RIDGE);
			assertThat(change.changedBy()).isEqualTo("quinn-example");
			assertThat(change.changedAt()).isEqualTo(NOW);
			assertThat(change.revision()).isEqualTo(1);
			assertThat(change.changed()).containsExactly("rotation.members", "overrides", "escalation.repeat");
			assertThat(change.before()).isEqualTo(ScheduleSnapshot.of(before));
			assertThat(change.after()).isEqualTo(ScheduleSnapshot.of(stored));
		});
		Document raw = this.mongo.findById(RIDGE, Document.class, "teams").block(TIMEOUT);
		assertThat(raw.getList(ScheduleChanges.PENDING, Document.class)).isEmpty();
		Document record = this.mongo.findOne(new Query(), Document.class, ScheduleChange.COLLECTION).block(TIMEOUT);
		assertThat(record.toJson()).doesNotContain("@staff.treatment-network.test", "+1202555");
		assertThat(output.getAll()).contains(
				"Schedule of team center-demo-ridge changed by quinn-example (revision 1): rotation.members, overrides, escalation.repeat");

		// the same schedule again changes and records nothing
		assertThat(this.schedules.replace(RIDGE, reordered(), "quinn-example").block(TIMEOUT)).isEqualTo(stored);
		assertThat(recorded()).isEqualTo(1);

		// a second change is revision 2, listed first
		this.schedules.replace(RIDGE, request(before), "quinn-example").block(TIMEOUT);
		assertThat(this.changes.of(RIDGE, 10).collectList().block(TIMEOUT))
			.extracting(ScheduleChange::revision, ScheduleChange::changed)
			.containsExactly(tuple(2L, List.of("rotation.members", "overrides", "escalation.repeat")),
					tuple(1L, List.of("rotation.members", "overrides", "escalation.repeat")));
		assertThat(ScheduleSnapshot.of(team(RIDGE))).isEqualTo(ScheduleSnapshot.of(before));
	}

	@Test
	void aChangeComputedFromAnOlderRevisionIsAConflictAndStoresNothing() {
		TeamDocument stale = team(RIDGE);
		TeamDocument first = this.schedules.replace(RIDGE, reordered(), "quinn-example").block(TIMEOUT);
		ScheduleSnapshot other = new ScheduleSnapshot("quinn-example", stale.rotation(), List.of(),
				new TeamDocument.StoredPolicy(List.of(new TeamDocument.StoredStep("SCHEDULE", null, null, 5)), 0));

		StepVerifier.create(this.schedules.store(stale, other, "quinn-example"))
			.expectError(ConflictException.class)
			.verify(TIMEOUT);

		assertThat(team(RIDGE)).isEqualTo(first);
		assertThat(recorded()).isEqualTo(1);
	}

	@Test
	void aRecordLeftInTheTeamIsCopiedExactlyOnceAtTheNextStart() {
		TeamDocument team = team(RIDGE);
		ScheduleSnapshot snapshot = ScheduleSnapshot.of(team);
		ScheduleChange copied = new ScheduleChange("change-copied", RIDGE, "quinn-example", NOW, 1,
				List.of("escalation.repeat"), snapshot, snapshot);
		ScheduleChange notCopied = new ScheduleChange("change-not-copied", RIDGE, "quinn-example", NOW, 2,
				List.of("rotation.members"), snapshot, snapshot);
		// a crash after copying the first record, before removing it from the team
		this.mongo.updateFirst(query(where("_id").is(RIDGE)), new Update().push(ScheduleChanges.PENDING)
			.each(this.changes.pending(copied), this.changes.pending(notCopied)), "teams").block(TIMEOUT);
		this.mongo.insert(this.changes.pending(copied), ScheduleChange.COLLECTION).block(TIMEOUT);

		this.changes.initialize().block(TIMEOUT);
		this.changes.initialize().block(TIMEOUT);

		assertThat(this.changes.of(RIDGE, 10).collectList().block(TIMEOUT)).extracting(ScheduleChange::id)
			.containsExactly("change-not-copied", "change-copied");
		assertThat(recorded()).isEqualTo(2);
		assertThat(this.mongo.findById(RIDGE, Document.class, "teams")
			.block(TIMEOUT)
			.getList(ScheduleChanges.PENDING, Document.class)).isEmpty();
	}

	private TeamDocument team(String id) {
		return this.directory.team(id).block(TIMEOUT);
	}

	private long recorded() {
		return this.mongo.count(new Query(), ScheduleChange.COLLECTION).block(TIMEOUT);
	}

	/**
	 * The ridge team's demo schedule with its members swapped, an override and one more
	 * round.
	 */
	private static ScheduleRequest reordered() {
		TeamDocument ridge = DemoNetworkSeeder.RIDGE_TEAM;
		ScheduleRequest seeded = request(ridge);
		return new ScheduleRequest(seeded.supervisorId(),
				new ScheduleResponse.RotationView("DAILY", "2026-01-05", "07:00", "America/Denver",
						List.of("taylor-example", "skyler-example")),
				List.of(new ScheduleResponse.OverrideView(Instant.parse("2030-02-01T14:00:00Z"),
						Instant.parse("2030-02-02T14:00:00Z"), "drew-example")),
				new ScheduleResponse.PolicyView(seeded.escalation().steps(), 2));
	}

	private static ScheduleRequest request(TeamDocument team) {
		ScheduleResponse schedule = ScheduleResponse.from(team);
		return new ScheduleRequest(schedule.supervisorId(), schedule.rotation(), schedule.overrides(),
				schedule.escalation());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(NOW);
		}

	}

}
