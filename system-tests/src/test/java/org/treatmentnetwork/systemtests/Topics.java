package org.treatmentnetwork.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on a topic of the running suite's broker, as an outside observer (a fresh
 * consumer group each time, from the beginning, committing nothing).
 */
final class Topics {

	static final String CONTACT_REQUESTS = "intake.contact-requests.v1";

	static final String DEAD_LETTERS = "intake.contact-requests.v1.DLT";

	private Topics() {
	}

	/**
	 * Every record on the topic, oldest first per partition.
	 * @param topic the topic
	 * @return the records read until the topic stayed quiet for a few polls
	 */
	static List<ConsumerRecord<String, String>> readAll(String topic) {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSuite.config().kafkaBootstrap());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			Instant until = Instant.now().plusSeconds(8);
			int emptyPolls = 0;
			while (Instant.now().isBefore(until) && emptyPolls < 2) {
				var batch = consumer.poll(Duration.ofMillis(500));
				batch.forEach(records::add);
				emptyPolls = (batch.isEmpty() && !consumer.assignment().isEmpty()) ? emptyPolls + 1 : 0;
			}
		}
		return records;
	}

	/**
	 * The records of one contact request (keyed by its id), oldest first.
	 * @param requestId the request id
	 * @return its events
	 */
	static List<ConsumerRecord<String, String>> eventsOf(String requestId) {
		return readAll(CONTACT_REQUESTS).stream().filter((r) -> requestId.equals(r.key())).toList();
	}

}
