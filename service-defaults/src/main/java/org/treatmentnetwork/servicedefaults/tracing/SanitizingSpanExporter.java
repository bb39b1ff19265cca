package org.treatmentnetwork.servicedefaults.tracing;

import java.util.Collection;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Wraps every span exporter of a service so that a failure's message and stack trace
 * never leave it: an exception event keeps only the exception's type, and an error status
 * no description. The suite logs failures the same way (class only), because a message
 * may quote stored data (a duplicate key, a URL with a credential).
 */
final class SanitizingSpanExporter implements SpanExporter {

	static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

	private final SpanExporter delegate;

	SanitizingSpanExporter(SpanExporter delegate) {
		this.delegate = delegate;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		return this.delegate.export(spans.stream().<SpanData>map(Sanitized::new).toList());
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return "SanitizingSpanExporter{" + this.delegate + "}";
	}

	private static final class Sanitized extends DelegatingSpanData {

		private Sanitized(SpanData span) {
			super(span);
		}

		@Override
		public StatusData getStatus() {
			StatusData status = super.getStatus();
			return (status.getDescription().isEmpty()) ? status : StatusData.create(status.getStatusCode(), "");
		}

		@Override
		public List<EventData> getEvents() {
			return super.getEvents().stream().map(Sanitized::withoutDetail).toList();
		}

		private static EventData withoutDetail(EventData event) {
			if (!"exception".equals(event.getName())) {
				return event;
			}
			String type = event.getAttributes().get(EXCEPTION_TYPE);
			Attributes kept = (type != null) ? Attributes.of(EXCEPTION_TYPE, type) : Attributes.empty();
			return EventData.create(event.getEpochNanos(), event.getName(), kept);
		}

	}

}
