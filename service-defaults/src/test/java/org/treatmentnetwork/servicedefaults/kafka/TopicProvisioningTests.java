package org.treatmentnetwork.servicedefaults.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class TopicProvisioningTests {

	private final KafkaAdmin admin = mock(KafkaAdmin.class);

	private final TopicProvisioning provisioning = new TopicProvisioning(this.admin,
			List.of(new NewTopic("intake.contact-requests.v1", 6, (short) 1)), Duration.ofSeconds(5));

	@Test
	void topicsThatExistAreLeftAlone() {
		given(this.admin.describeTopics("intake.contact-requests.v1")).willReturn(Map.of());

		assertThat(this.provisioning.provisioned()).isTrue();
		then(this.admin).should(never()).initialize();
	}

	@Test
	void aMissingTopicIsCreatedAgainUntilItExists() {
		given(this.admin.describeTopics("intake.contact-requests.v1"))
			.willThrow(new KafkaException("This server does not host this topic-partition"))
			.willThrow(new KafkaException("Timed out"))
			.willReturn(Map.of());
		given(this.admin.initialize()).willThrow(new KafkaException("Timed out")).willReturn(true);

		assertThat(this.provisioning.provisioned()).isFalse();
		assertThat(this.provisioning.provisioned()).isFalse();
		assertThat(this.provisioning.provisioned()).isTrue();
		then(this.admin).should(times(2)).initialize();
	}

}
