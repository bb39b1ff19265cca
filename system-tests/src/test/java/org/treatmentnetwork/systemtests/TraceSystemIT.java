package org.treatmentnetwork.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from the person's request to the page: the gateway's request id is a trace
 * id, and the spans the processes export under it reach from the gateway through intake
 * (the request, the outbox relay's publish and the Kafka send) to notification (the Kafka
 * receive and the page), each a descendant of the one before. The spans are read from a
 * collector the suite exports to, as an operator's would be.
 */
@ExtendWith(RunningSuite.class)
class TraceSystemIT {

	private final SuiteClient gateway = RunningSuite.gateway();

	@Test
	void oneTraceReachesFromTheGatewayThroughKafkaToThePage() {
		SuiteClient.Reply accepted = this.gateway.post("/api/intake/contact-requests", """
				{"name":"Trace Test","phone":"+1 555 010 7311","preferredContact":"PHONE","forWhom":"SELF",
				 "message":"I want to stop using","consent":{"contact":true}}""", null, Map.of());
		assertThat(accepted.status()).isEqualTo(202);
		String traceId = accepted.header("X-Request-Id");
		assertThat(traceId).matches("[0-9a-f]{32}");

		// Each process exports on its own schedule: wait until every step has arrived.
		List<TraceCollector.ExportedSpan> trace = RunningSuite.await("every step's span in trace " + traceId,
				Duration.ofSeconds(60), () -> {
					List<TraceCollector.ExportedSpan> spans = RunningSuite.traces().trace(traceId);
					return (has(spans, "gateway", "SPAN_KIND_SERVER", null)
							&& has(spans, "intake-service", "SPAN_KIND_SERVER", null)
							&& has(spans, "intake-service", "SPAN_KIND_CLIENT", null)
							&& has(spans, "intake-service", null, "intake.outbox.publish")
							&& has(spans, "intake-service", "SPAN_KIND_PRODUCER", null)
							&& has(spans, "notification-service", null, "notification.page")) ? spans : null;
				});

		Set<String> services = trace.stream().map(TraceCollector.ExportedSpan::service).collect(Collectors.toSet());
		assertThat(services).as("%s", trace).contains("gateway", "intake-service", "notification-service");
		TraceCollector.ExportedSpan gatewayServer = only(trace, "gateway", "SPAN_KIND_SERVER");
		assertThat(gatewayServer.parentSpanId()).as("the gateway starts the trace").isEmpty();
		TraceCollector.ExportedSpan intakeServer = only(trace, "intake-service", "SPAN_KIND_SERVER");
		TraceCollector.ExportedSpan publish = named(trace, "intake-service", "intake.outbox.publish");
		TraceCollector.ExportedSpan send = only(trace, "intake-service", "SPAN_KIND_PRODUCER");
		TraceCollector.ExportedSpan receive = trace.stream()
			.filter((span) -> span.service().equals("notification-service") && span.kind().equals("SPAN_KIND_CONSUMER")
					&& !span.name().equals("notification.page"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Kafka receive span in " + trace));
		TraceCollector.ExportedSpan page = named(trace, "notification-service", "notification.page");
		// the request's MongoDB commands are in its trace too
		TraceCollector.ExportedSpan store = only(trace, "intake-service", "SPAN_KIND_CLIENT");
		assertThat(ancestry(trace, store)).contains(intakeServer.spanId());

		assertThat(ancestry(trace, page)).as("the page descends from every earlier step: %s", trace)
			.contains(receive.spanId(), send.spanId(), publish.spanId(), intakeServer.spanId(), gatewayServer.spanId());
	}

	private static boolean has(List<TraceCollector.ExportedSpan> spans, String service, String kind, String name) {
		return spans.stream()
			.anyMatch((span) -> span.service().equals(service) && (kind == null || span.kind().equals(kind))
					&& (name == null || span.name().equals(name)));
	}

	/** The span ids above a span, up to the root. */
	private static List<String> ancestry(List<TraceCollector.ExportedSpan> trace, TraceCollector.ExportedSpan span) {
		Map<String, TraceCollector.ExportedSpan> byId = trace.stream()
			.collect(Collectors.toMap(TraceCollector.ExportedSpan::spanId, (s) -> s, (a, b) -> a));
		List<String> ancestors = new java.util.ArrayList<>();
		TraceCollector.ExportedSpan current = span;
		while (!current.parentSpanId().isEmpty() && byId.containsKey(current.parentSpanId())) {
			ancestors.add(current.parentSpanId());
			current = byId.get(current.parentSpanId());
		}
		return ancestors;
	}

	private static TraceCollector.ExportedSpan only(List<TraceCollector.ExportedSpan> trace, String service,
			String kind) {
		List<TraceCollector.ExportedSpan> found = trace.stream()
			.filter((span) -> span.service().equals(service) && span.kind().equals(kind))
			.toList();
		assertThat(found).as("%s %s spans in %s", service, kind, trace).isNotEmpty();
		return found.get(0);
	}

	private static TraceCollector.ExportedSpan named(List<TraceCollector.ExportedSpan> trace, String service,
			String name) {
		return trace.stream()
			.filter((span) -> span.service().equals(service) && span.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + service + " span " + name + " in " + trace));
	}

}
