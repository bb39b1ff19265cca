package org.treatmentnetwork.notification.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The trace id of a record's {@code traceparent} header reaches the log lines of its
 * processing; records without one are processed all the same.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContactRequestListenerTraceTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final ContactRequestEventHandler handler = mock(ContactRequestEventHandler.class);

	private final ContactRequestListener listener = new ContactRequestListener(this.handler,
			new IntakeProperties("intake.contact-requests.v1", "intake.contact-requests.v1.DLT", 1, (short) 1,
					Duration.ofSeconds(5),
					new IntakeProperties.Retry(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(100)),
					Duration.ofSeconds(1)),
			new KafkaListenerEndpointRegistry());

	@Test
	void traceIdOfTheTraceparentHeaderIsLogged(CapturedOutput output) {
		given(this.handler.handle(any())).willReturn(Mono.empty());
		ConsumerRecord<String, String> record = record("req-traced", "event-traced");
		record.headers()
			.add("traceparent", ("00-" + TRACE_ID + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
		record.headers().add("X-Request-Id", TRACE_ID.getBytes(StandardCharsets.US_ASCII));

		this.listener.onRecord(record);

		verify(this.handler).handle(any());
		assertThat(output.getAll()).containsPattern("Event event-traced .*request req-traced trace_id=" + TRACE_ID);
	}

	@Test
	void requestIdHeaderAloneIsEnoughAndFailuresAreLoggedWithIt(CapturedOutput output) {
		given(this.handler.handle(any())).willReturn(Mono.error(new IllegalStateException("boom")));
		ConsumerRecord<String, String> record = record("req-failing", "event-failing");
		record.headers().add("X-Request-Id", TRACE_ID.getBytes(StandardCharsets.US_ASCII));

		assertThatRuntimeException().isThrownBy(() -> this.listener.onRecord(record));

		assertThat(output.getAll())
			.containsPattern("Event event-failing for request req-failing failed: .*trace_id=" + TRACE_ID);
	}

	@Test
	void recordWithoutOrWithAMalformedTraceparentIsStillProcessed(CapturedOutput output) {
		given(this.handler.handle(any())).willReturn(Mono.empty());
		ConsumerRecord<String, String> plain = record("req-plain", "event-plain");
		ConsumerRecord<String, String> malformed = record("req-malformed", "event-malformed");
		malformed.headers().add("traceparent", "00-<script>-01".getBytes(StandardCharsets.US_ASCII));
		malformed.headers().add("X-Request-Id", "not a trace id".getBytes(StandardCharsets.US_ASCII));

		this.listener.onRecord(plain);
		this.listener.onRecord(malformed);

		verify(this.handler, org.mockito.Mockito.times(2)).handle(any());
		assertThat(output.getAll())
			.contains("Event event-plain (ContactRequestReceived, RECEIVED) for request req-plain")
			.contains("request req-malformed")
			.doesNotContain("trace_id=")
			.doesNotContain("<script>");
	}

	private static ConsumerRecord<String, String> record(String requestId, String eventId) {
		String value = """
				{"eventId":"%s","type":"ContactRequestReceived","occurredAt":"2026-11-24T22:00:00Z",
				 "requestId":"%s","reference":"K7PX-3MZQ","urgency":"ROUTINE","source":"WEB","centerId":null,
				 "status":"RECEIVED","firstContactDueAt":"2026-11-25T22:00:00Z"}
				""".formatted(eventId, requestId);
		return new ConsumerRecord<>("intake.contact-requests.v1", 0, 0L, requestId, value);
	}

}
