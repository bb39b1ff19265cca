package org.treatmentnetwork.notification.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.channels.AlertMessage;
import org.treatmentnetwork.notification.channels.DeliveryChannel;
import org.treatmentnetwork.notification.channels.Sent;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.OnCallProperties;
import org.treatmentnetwork.notification.oncall.OnCallTestConfiguration;
import org.treatmentnetwork.notification.store.StoreInitializer;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Coverage-gap warnings against the embedded MongoDB server and the seeded demo network,
 * with a clock the tests move by hand.
 */
@DataMongoTest(
		properties = { "notification.on-call.default-team=network", "notification.on-call.seed-demo-network=true" })
@Import({ OnCallTestConfiguration.class, CoverageWatchTests.Beans.class })
class CoverageWatchTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String SUPERVISOR = "morgan-example";

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("coverage-tests"));
	}

	@Autowired
	private OnCallDirectory directory;

	@Autowired
	private List<StoreInitializer> seed;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private OnCallProperties onCallProperties;

	private final RecordingChannel email = new RecordingChannel();

	@BeforeEach
	void freshNetwork() {
		this.mongo.remove(new Query(), "teams").block(TIMEOUT);
		this.mongo.remove(new Query(), "staff").block(TIMEOUT);
		this.mongo.remove(new Query(), CoverageWatch.COLLECTION).block(TIMEOUT);
		this.seed.forEach((initializer) -> initializer.initialize().block(TIMEOUT));
	}

	@Test
	void aTeamWithNobodyOnCallSoonIsReportedToSupervisorsOnceEvenByTwoInstances() {
		this.mongo
			.updateFirst(query(where("_id").is("center-demo-ridge")), new Update().set("rotation.memberIds", List.of()),
					"teams")
			.block(TIMEOUT);
		CoverageProperties coverage = new CoverageProperties(Duration.ofMinutes(15), Duration.ofHours(24));
		CoverageWatch first = new CoverageWatch(this.directory, List.of(this.email), this.mongo, coverage,
				this.onCallProperties, this.clock);
		CoverageWatch second = new CoverageWatch(this.directory, List.of(this.email), this.mongo, coverage,
				this.onCallProperties, this.clock);

		Integer sent = Mono.zip(first.check(), second.check(), Integer::sum).block(TIMEOUT);

		assertThat(sent).isEqualTo(1);
		assertThat(this.email.staffIds()).containsExactlyInAnyOrder("quinn-example", SUPERVISOR);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(first.check().block(TIMEOUT)).isZero();
		assertThat(this.email.staffIds()).hasSize(2);
	}

	@Test
	void peopleOnCallWithoutAConfirmedMethodAreAGapToo() {
		CoverageProperties coverage = new CoverageProperties(Duration.ofMinutes(15), Duration.ofHours(24));
		CoverageWatch watch = new CoverageWatch(this.directory, List.of(this.email), this.mongo, coverage,
				this.onCallProperties, this.clock);
		assertThat(watch.check().block(TIMEOUT)).isZero();

		// both of the ridge team's members changed their methods and confirmed none yet
		for (String member : List.of("skyler-example", "taylor-example")) {
			this.mongo
				.updateFirst(query(where("_id").is(member)),
						new Update().set("contactMethods",
								List.of(new ContactMethod(ContactMethod.Kind.SMS, "+12025550188", null, false))),
						"staff")
				.block(TIMEOUT);
		}
		Instant now = this.clock.instant();
		List<OnCallDirectory.Gap> gaps = this.directory.gaps("center-demo-ridge", now, Duration.ofHours(24))
			.block(TIMEOUT);
		assertThat(gaps).isNotEmpty();
		assertThat(gaps.getFirst().from()).isEqualTo(now);
		assertThat(gaps.getLast().until()).isEqualTo(now.plus(Duration.ofHours(24)));
		assertThat(gaps.stream().map((gap) -> Duration.between(gap.from(), gap.until())).reduce(Duration::plus))
			.contains(Duration.ofHours(24));

		assertThat(watch.check().block(TIMEOUT)).isEqualTo(1);
		assertThat(this.email.staffIds()).containsExactlyInAnyOrder("quinn-example", SUPERVISOR);

		// once confirmed, they are reachable again
		for (String member : List.of("skyler-example", "taylor-example")) {
			this.mongo
				.updateFirst(query(where("_id").is(member)), new Update().set("contactMethods.0.confirmed", true),
						"staff")
				.block(TIMEOUT);
		}
		assertThat(this.directory.gaps("center-demo-ridge", now, Duration.ofHours(24)).block(TIMEOUT)).isEmpty();
	}

	/**
	 * An e-mail channel that records whom it sent to instead of sending.
	 */
	static final class RecordingChannel implements DeliveryChannel {

		private final Queue<String> staffIds = new ConcurrentLinkedQueue<>();

		@Override
		public ContactMethod.Kind kind() {
			return ContactMethod.Kind.EMAIL;
		}

		@Override
		public TimelineChannel timelineChannel() {
			return TimelineChannel.EMAIL;
		}

		@Override
		public Mono<Sent> send(String staffId, AlertMessage message) {
			return Mono.fromCallable(() -> {
				this.staffIds.add(staffId);
				return Sent.NO_RECEIPT;
			});
		}

		List<String> staffIds() {
			return List.copyOf(this.staffIds);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			// A Monday, 10:00 in New York.
			return new MutableClock(Instant.parse("2030-01-07T15:00:00Z"));
		}

	}

}
