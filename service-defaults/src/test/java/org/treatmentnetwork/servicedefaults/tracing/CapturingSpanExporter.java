package org.treatmentnetwork.servicedefaults.tracing;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A span exporter that keeps what it is given, so that a test can read what a service
 * would send to a tracing backend. Register it as a bean in a test of a whole service
 * (Spring Boot adds every exporter bean, wrapped as {@code TracingDefaults} wraps them),
 * or hand it to an SDK span processor.
 */
public final class CapturingSpanExporter implements SpanExporter {

	private final List<SpanData> exported = new CopyOnWriteArrayList<>();

	/**
	 * The spans exported so far.
	 * @return the spans, oldest first
	 */
	public List<SpanData> spans() {
		return List.copyOf(this.exported);
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		this.exported.addAll(spans);
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

}
