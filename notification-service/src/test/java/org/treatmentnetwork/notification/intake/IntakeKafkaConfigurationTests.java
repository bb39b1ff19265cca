package org.treatmentnetwork.notification.intake;

import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeKafkaConfigurationTests {

	@Test
	void storeOutagesAreRecognisedThroughWrappers() {
		assertThat(IntakeKafkaConfiguration.transientStoreFailure(new DataAccessResourceFailureException("down")))
			.isTrue();
		assertThat(IntakeKafkaConfiguration.transientStoreFailure(Exceptions.propagate(new TimeoutException())))
			.isTrue();
		assertThat(IntakeKafkaConfiguration.transientStoreFailure(new DuplicateKeyException("dup"))).isFalse();
		assertThat(IntakeKafkaConfiguration.transientStoreFailure(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void storeUnavailableIsFoundInsideTheListenerFailure() {
		ListenerExecutionFailedException failure = new ListenerExecutionFailedException("listener failed",
				new AlertStoreUnavailableException(new DataAccessResourceFailureException("down")));

		assertThat(IntakeKafkaConfiguration.storeUnavailable(failure)).isTrue();
		assertThat(IntakeKafkaConfiguration.storeUnavailable(
				new ListenerExecutionFailedException("listener failed", new InvalidEventException("bad"))))
			.isFalse();
	}

}
