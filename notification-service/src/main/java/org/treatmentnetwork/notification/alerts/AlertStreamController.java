package org.treatmentnetwork.notification.alerts;

import reactor.core.publisher.Flux;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;

/**
 * {@code GET /api/alerts/stream}: a server-sent event stream for staff screens. Each
 * change of an alert (created, paged, escalated, acknowledged, resolved) is an event
 * {@code alert} whose data is the alert's summary; a comment every 15 seconds keeps idle
 * connections open through proxies. Clients reconnect and reload the list on their own;
 * the stream does not replay missed changes.
 */
@Tag(name = "Alerts")
@RestController
@RequestMapping("/api/alerts")
class AlertStreamController {

	private final AlertStream stream;

	AlertStreamController(AlertStream stream) {
		this.stream = stream;
	}

	@Operation(summary = "Alert changes, live (server-sent events)",
			description = "One `alert` event per change with the alert summary, and heartbeats; nothing is replayed, "
					+ "so clients reload the list when they reconnect")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<AlertSummary>> stream() {
		Flux<ServerSentEvent<AlertSummary>> changes = this.stream.changes()
			.map(AlertSummary::from)
			.map((summary) -> ServerSentEvent.builder(summary).event("alert").id(summary.id()).build());
		Flux<ServerSentEvent<AlertSummary>> heartbeats = Flux.interval(AlertStream.heartbeat())
			.map((tick) -> ServerSentEvent.<AlertSummary>builder().comment("keep-alive").build());
		return Flux.merge(changes, heartbeats);
	}

}
