package org.treatmentnetwork.notification.paginglag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.NewAlert;
import org.treatmentnetwork.notification.escalation.EscalationProperties;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;

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
 * Paging lag measured from the alerts in the embedded MongoDB server, with a clock the
 * tests move by hand: the oldest triggered alert nobody has been paged for, the gauge,
 * and the supervisors' warning past the threshold or when the measurement is stale.
 */
@DataMongoTest(properties = { "notification.paging-lag.refresh-interval=5s", "notification.paging-lag.warn-after=60s" })
@Import({ Alerts.class, PagingLag.class, PagingLagTests.Beans.class })
class PagingLagTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("paging-lag-tests"));
	}

	@Autowired
	private Alerts alerts;

	@Autowired
	private PagingLag lag;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void noAlerts() {
		this.mongo.remove(new Query(), "alerts").block(TIMEOUT);
	}

	@Test
	void nothingWaitingIsNoLagAndNoWarning() {
		this.lag.runRound(true).block(TIMEOUT);

		PagingLagReport report = this.lag.report();
		assertThat(report.unpagedAlerts()).isZero();
		assertThat(report.oldestUnpagedSince()).isNull();
		assertThat(report.lagSeconds()).isZero();
		assertThat(report.warning()).isNull();
	}

	@Test
	void theOldestUnpagedAlertIsTheLagAndPastTheThresholdSupervisorsAreWarned() {
		Instant opened = this.clock.instant();
		String first = open();
		this.clock.advance(Duration.ofSeconds(30));
		open();
		this.lag.runRound(true).block(TIMEOUT);
		assertThat(this.lag.report().lagSeconds()).isEqualTo(30.0);
		assertThat(this.lag.report().warning()).isNull();

		this.clock.advance(Duration.ofSeconds(60));
		this.lag.runRound(true).block(TIMEOUT);

		PagingLagReport report = this.lag.report();
		assertThat(report.unpagedAlerts()).isEqualTo(2);
		assertThat(report.oldestUnpagedSince()).isEqualTo(opened);
		assertThat(report.lagSeconds()).isEqualTo(90.0);
		assertThat(report.warning()).startsWith("Paging is 1 min 30 s behind: 2 alerts opened since")
			.contains("Call the on-call staff directly");
		assertThat(this.meters.get("notification.paging.lag").gauge().value()).isEqualTo(90.0);
		assertThat(this.meters.get("notification.paging.unpaged").gauge().value()).isEqualTo(2.0);

		// once the oldest is paged, the next one is the lag
		paged(first);
		this.lag.runRound(true).block(TIMEOUT);
		assertThat(this.lag.report().unpagedAlerts()).isEqualTo(1);
		assertThat(this.lag.report().lagSeconds()).isEqualTo(60.0);
		assertThat(this.lag.report().warning()).startsWith("Paging is 1 min 0 s behind: 1 alert opened since");
	}

	@Test
	void aStaleMeasurementSaysSoInsteadOfReassuring() {
		this.lag.runRound(true).block(TIMEOUT);
		assertThat(this.lag.report().warning()).isNull();

		this.clock.advance(Duration.ofSeconds(16));

		assertThat(this.lag.report().warning()).isEqualTo(PagingLag.UNMEASURED);
	}

	private String open() {
		String requestId = UUID.randomUUID().toString();
		this.alerts
			.open(new NewAlert(requestId, UUID.randomUUID().toString(), "TN-LAG" + requestId.substring(0, 4), "CRISIS",
					"WEB", null, this.clock.instant().plusSeconds(900)))
			.block(TIMEOUT);
		return requestId;
	}

	private void paged(String requestId) {
		this.mongo
			.updateFirst(query(where("requestId").is(requestId)), new Update().set("pagedStaffIds", List.of("nurse-1")),
					"alerts")
			.block(TIMEOUT);
	}

	@TestConfiguration
	static class Beans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
		}

		@Bean
		EscalationProperties escalationProperties() {
			return new EscalationProperties(Map.of("CRISIS", 1.0), Map.of(), Duration.ofMinutes(10));
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		PagingLagProperties pagingLagProperties() {
			return new PagingLagProperties(Duration.ofSeconds(5), Duration.ofSeconds(60));
		}

	}

}
