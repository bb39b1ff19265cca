package org.treatmentnetwork.notification.intake;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializer of the producer that writes dead letters. A record that failed after
 * deserialization is republished from its {@code String}; one that could not even be
 * deserialized is republished from its original bytes, unchanged.
 */
public class DeadLetterSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] bytes) {
			return bytes;
		}
		if (data instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new SerializationException("Unsupported dead-letter payload type " + data.getClass().getName());
	}

}
