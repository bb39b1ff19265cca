package org.treatmentnetwork.servicedefaults.tracing;

import java.util.Map;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What leaves a service in its spans, on the real OpenTelemetry SDK: no failure message,
 * no stack trace; and which spans are left out.
 */
class SanitizingSpanExporterTests {

	private static final String SECRET = "E11000 duplicate key: { phoneHash: \"hmac1:abc\" } https://hooks.example/T0/SECRET";

	@Test
	void aFailedSpanKeepsTheExceptionTypeOnly() {
		CapturingSpanExporter capturing = new CapturingSpanExporter();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(new SanitizingSpanExporter(capturing)))
			.build()) {
			Span span = provider.get("test").spanBuilder("notification.page").startSpan();
			span.recordException(new IllegalStateException(SECRET));
			span.setStatus(StatusCode.ERROR, SECRET);
			span.end();
		}
		assertThat(capturing.spans()).singleElement().satisfies((span) -> {
			assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(span.getStatus().getDescription()).isEmpty();
			assertThat(span.getEvents()).singleElement().satisfies((event) -> {
				assertThat(event.getName()).isEqualTo("exception");
				assertThat(event.getAttributes().asMap()).hasSize(1);
				assertThat(event.getAttributes().get(SanitizingSpanExporter.EXCEPTION_TYPE))
					.isEqualTo(IllegalStateException.class.getName());
			});
			assertThat(span.toString()).doesNotContain("SECRET", "hmac1", "duplicate key");
		});
	}

	@Test
	void aStoreCommandOutsideAnyTraceIsNotExportedOneInsideIs() {
		TracingDefaults defaults = new TracingDefaults();
		assertThat(defaults.noLoneStoreCommands().isExportable(span("0000000000000000", "mongodb"))).isFalse();
		assertThat(defaults.noLoneStoreCommands().isExportable(span(null, "mongodb"))).isFalse();
		assertThat(defaults.noLoneStoreCommands().isExportable(span("00f067aa0ba902b7", "mongodb"))).isTrue();
		assertThat(defaults.noLoneStoreCommands().isExportable(span("0000000000000000", null))).isTrue();
	}

	private static FinishedSpan span(String parentId, String dbSystem) {
		FinishedSpan span = mock(FinishedSpan.class);
		given(span.getParentId()).willReturn(parentId);
		given(span.getTags()).willReturn((dbSystem != null) ? Map.of("db.system", dbSystem) : Map.of());
		return span;
	}

}
