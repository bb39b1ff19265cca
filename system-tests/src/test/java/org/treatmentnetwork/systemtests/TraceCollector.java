package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * A minimal OpenTelemetry collector: receives the spans the suite's processes export over
 * OTLP/HTTP ({@code POST /v1/traces}, protobuf) and keeps them for the tests to read. The
 * suite is pointed at it by {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}
 * (the system tests' configuration in the module's POM), which is how an operator points
 * the services at a real collector.
 */
final class TraceCollector {

	private static final HexFormat HEX = HexFormat.of();

	private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private TraceCollector(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts the collector on loopback.
	 * @param port the port the suite exports to
	 * @return the running collector
	 */
	static TraceCollector start(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			TraceCollector collector = new TraceCollector(server);
			server.createContext("/v1/traces", collector::receive);
			server.setExecutor(Executors.newFixedThreadPool(2));
			server.start();
			return collector;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the trace collector on port " + port, ex);
		}
	}

	/**
	 * The spans of one trace received so far.
	 * @param traceId 32 hex digits
	 * @return the spans
	 */
	List<ExportedSpan> trace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	void stop() {
		this.server.stop(0);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
			for (ResourceSpans resource : request.getResourceSpansList()) {
				String service = resource.getResource()
					.getAttributesList()
					.stream()
					.filter((attribute) -> attribute.getKey().equals("service.name"))
					.map(KeyValue::getValue)
					.map((value) -> value.getStringValue())
					.findFirst()
					.orElse("");
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					scope.getSpansList()
						.forEach((span) -> this.spans
							.add(new ExportedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
									HEX.formatHex(span.getSpanId().toByteArray()),
									HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
									span.getKind().name())));
				}
			}
			byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
	}

	/**
	 * A span as exported.
	 *
	 * @param service the exporting process's {@code service.name}
	 * @param traceId the trace id
	 * @param spanId the span id
	 * @param parentSpanId the parent's span id, empty for a root span
	 * @param name the span's name
	 * @param kind {@code SPAN_KIND_SERVER}, {@code SPAN_KIND_PRODUCER}, ...
	 */
	record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {

		@Override
		public String toString() {
			return this.service + ":" + this.name + "(" + this.kind + ")";
		}

	}

}
