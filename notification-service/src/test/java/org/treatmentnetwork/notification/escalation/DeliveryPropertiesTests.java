package org.treatmentnetwork.notification.escalation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeliveryPropertiesTests {

	private final DeliveryProperties properties = properties(Duration.ofSeconds(30), Duration.ofSeconds(20));

	@Test
	void retryDelayDoublesFromTheInitialIntervalUpToTheMaximum() {
		assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.retryDelay(5)).isEqualTo(Duration.ofSeconds(80));
		assertThat(properties.retryDelay(7)).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.retryDelay(1000)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void leaseMustOutlastASend() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(Duration.ofSeconds(10), Duration.ofSeconds(10)));
	}

	private static DeliveryProperties properties(Duration lease, Duration sendTimeout) {
		return new DeliveryProperties(Duration.ofSeconds(1), lease, 50, 4, sendTimeout, Duration.ofSeconds(5),
				Duration.ofMinutes(5), "alerts@treatment-network.test");
	}

}
