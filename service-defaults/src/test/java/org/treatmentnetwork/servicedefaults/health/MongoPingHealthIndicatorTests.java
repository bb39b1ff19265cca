package org.treatmentnetwork.servicedefaults.health;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The ping: UP on an answer, DOWN on a failure, and DOWN within the time limit when the
 * store does not answer at all.
 */
class MongoPingHealthIndicatorTests {

	private final ReactiveMongoTemplate mongo = mock(ReactiveMongoTemplate.class);

	@Test
	void upWhenThePingIsAnswered() {
		given(this.mongo.executeCommand(any(Document.class))).willReturn(Mono.just(new Document("ok", 1.0)));
		Health health = new MongoPingHealthIndicator(this.mongo).health().block(Duration.ofSeconds(5));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		verify(this.mongo).executeCommand(new Document("ping", 1));
	}

	@Test
	void downWhenThePingFails() {
		given(this.mongo.executeCommand(any(Document.class)))
			.willReturn(Mono.error(new DataAccessResourceFailureException("connection refused")));
		Health health = new MongoPingHealthIndicator(this.mongo).health().block(Duration.ofSeconds(5));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void downWithinTheTimeLimitWhenTheStoreDoesNotAnswer() {
		given(this.mongo.executeCommand(any(Document.class))).willReturn(Mono.never());
		long started = System.nanoTime();
		Health health = new MongoPingHealthIndicator(this.mongo, Duration.ofMillis(200)).health()
			.block(Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains(TimeoutException.class.getName());
		assertThat(took).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void theDefaultTimeLimitIsThreeSeconds() {
		assertThat(MongoPingHealthIndicator.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(3));
	}

}
