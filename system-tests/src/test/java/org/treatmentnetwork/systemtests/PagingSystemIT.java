package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging as on-call staff live it, through the gateway: a request is paged, the page's
 * one-click link shows a confirmation on {@code GET} and acknowledges only on
 * {@code POST}, the call center's {@code CONTACTED} resolves the alert; acknowledgement
 * through the API, never by a supervisor alone; who is on call per escalation step;
 * schedules readable by on-call staff, changeable only by the team's supervisors, with
 * every change in the team's change log. Escalation timing itself is covered by the
 * service's tests with a controlled clock.
 */
@ExtendWith(RunningSuite.class)
class PagingSystemIT {

	private static final String NAME = "Pia Pagingtest";

	private static final Pattern ACK_LINK = Pattern.compile("Acknowledge: (\\S+)");

	private final SuiteClient gateway = RunningSuite.gateway();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String onCall = RunningSuite.token("nurse-paging-it", "ON_CALL");

	@Test
	void requestIsPagedAcknowledgedByTheLinkContactedAndResolved() {
		Submitted request = submit();
		JsonNode alert = awaitAlert(request.reference(), (candidate) -> !entries(candidate, "NOTIFIED").isEmpty());
		String alertId = alert.get("id").asString();
		String paged = entries(alert, "NOTIFIED").get(0).get("recipient").asString();

		String mail = RunningSuite.await("the page e-mail for " + request.reference(), Duration.ofSeconds(30),
				() -> mailContaining(request.reference()));
		assertThat(mail).doesNotContain(NAME, "555 " + request.phoneSuffix());
		Matcher link = ACK_LINK.matcher(mail);
		assertThat(link.find()).as("the page carries an acknowledgement link").isTrue();
		String path = URI.create(link.group(1).trim()).getRawPath();

		// A link preview or mail scanner only GETs: nothing is acknowledged.
		Raw page = send(HttpRequest.newBuilder(gatewayUri(path)).GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(alert(alertId).get("state").asString()).isEqualTo("TRIGGERED");

		Raw confirmed = send(HttpRequest.newBuilder(gatewayUri(path)).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		JsonNode acknowledged = alert(alertId);
		assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo(paged);
		assertThat(entries(acknowledged, "ACKNOWLEDGED").get(0).get("channel").asString()).isEqualTo("LINK");

		String agent = RunningSuite.token("agent-paging-it", "INTAKE_AGENT");
		Raw claimed = post("/api/intake/contact-requests/" + request.id() + "/claim", null, agent);
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
		Raw attempted = post("/api/intake/contact-requests/" + request.id() + "/status",
				"{\"status\": \"CONTACT_ATTEMPTED\"}", agent);
		assertThat(attempted.status()).as(attempted.body()).isEqualTo(200);
		assertThat(alert(alertId).get("state").asString()).isEqualTo("ACKNOWLEDGED");
		Raw contacted = post("/api/intake/contact-requests/" + request.id() + "/status", "{\"status\": \"CONTACTED\"}",
				agent);
		assertThat(contacted.status()).as(contacted.body()).isEqualTo(200);

		JsonNode resolved = RunningSuite.await("the alert of " + request.reference() + " resolved",
				Duration.ofSeconds(30), () -> {
					JsonNode current = alert(alertId);
					return "RESOLVED".equals(current.get("state").asString()) ? current : null;
				});
		assertThat(resolved.get("resolvedAt").isNull()).isFalse();
		assertThat(entries(resolved, "RESOLVED")).hasSize(1);
		assertThat(resolved.toString()).doesNotContain(NAME);
	}

	@Test
	void acknowledgingThroughTheApiKeepsTheFirstAcknowledger() {
		Submitted request = submit();
		JsonNode alert = awaitAlert(request.reference(), (candidate) -> !entries(candidate, "NOTIFIED").isEmpty());
		String alertId = alert.get("id").asString();

		// a supervisor reads alerts but only on-call staff acknowledge them
		Raw bySupervisor = post("/api/alerts/" + alertId + "/acknowledge", null,
				RunningSuite.token("morgan-example", "SUPERVISOR"));
		assertThat(bySupervisor.status()).as(bySupervisor.body()).isEqualTo(403);
		assertThat(bySupervisor.contentType()).startsWith("application/problem+json");
		JsonNode unchanged = alert(alertId);
		assertThat(unchanged.get("state").asString()).isEqualTo("TRIGGERED");
		assertThat(entries(unchanged, "ACKNOWLEDGED")).isEmpty();

		Raw first = post("/api/alerts/" + alertId + "/acknowledge", null, this.onCall);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		Raw second = post("/api/alerts/" + alertId + "/acknowledge", null,
				RunningSuite.token("nurse-paging-it-2", "ON_CALL"));
		assertThat(second.status()).isEqualTo(200);

		JsonNode acknowledged = alert(alertId);
		assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("nurse-paging-it");
		assertThat(entries(acknowledged, "ACKNOWLEDGED")).hasSize(1);
		assertThat(entries(acknowledged, "ACKNOWLEDGED").get(0).get("channel").asString()).isEqualTo("API");
		assertThat(post("/api/alerts/" + alertId + "/acknowledge", null, RunningSuite.token("editor-x", "EDITOR"))
			.status()).isEqualTo(403);
	}

	@Test
	void supervisorsReadHowFarBehindPagingIsAndAgentsMayNot() {
		String supervisor = RunningSuite.token("quinn-example", "SUPERVISOR");
		SuiteClient.Reply lag = this.gateway.get("/api/alerts/paging-lag", supervisor);
		assertThat(lag.status()).as(lag.body()).isEqualTo(200);
		JsonNode report = lag.json();
		assertThat(report.get("measuredAt").isNull()).as(lag.body()).isFalse();
		assertThat(report.get("unpagedAlerts").asLong()).isNotNegative();
		assertThat(report.get("lagSeconds").asDouble()).isNotNegative();
		assertThat(report.has("oldestUnpagedSince")).isTrue();
		assertThat(report.has("warning")).isTrue();

		SuiteClient.Reply agent = this.gateway.get("/api/alerts/paging-lag",
				RunningSuite.token("agent-paging-it", "INTAKE_AGENT"));
		assertThat(agent.status()).isEqualTo(403);
		assertThat(agent.contentType()).startsWith("application/problem+json");
	}

	@Test
	void onCallNowListsEveryTeamAndEscalationStep() {
		SuiteClient.Reply now = this.gateway.get("/api/on-call/now", this.onCall);
		assertThat(now.status()).as(now.body()).isEqualTo(200);
		List<JsonNode> teams = now.items();
		assertThat(teams).extracting((team) -> team.get("team").asString())
			.contains("network", "center-demo-harbor", "center-demo-ridge");
		JsonNode network = teams.get(0);
		assertThat(network.get("team").asString()).isEqualTo("network");
		List<String> targets = new ArrayList<>();
		network.get("steps")
			.forEach((step) -> targets.add(step.get("step").asInt() + ":" + step.get("target").asString()));
		assertThat(targets).containsExactly("1:SCHEDULE", "2:SUPERVISOR");
		assertThat(now.body()).doesNotContain("@staff.treatment-network.test", "+1202");
	}

	@Test
	void schedulesAreReadableByOnCallStaffAndChangeableOnlyByTheTeamsSupervisorsWhoseChangesAreRecorded() {
		String path = "/api/on-call/schedules/center-demo-ridge";
		SuiteClient.Reply schedule = this.gateway.get(path, this.onCall);
		assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
		JsonNode body = schedule.json();
		assertThat(body.get("rotation").get("kind").asString()).isEqualTo("DAILY");
		assertThat(body.get("escalation").get("steps").size()).isGreaterThan(1);
		assertThat(body.get("supervisors").toString()).isEqualTo("[\"quinn-example\"]");
		ObjectNode original = (ObjectNode) body.deepCopy();
		original.remove("team");
		original.remove("name");
		original.remove("centerId");
		ObjectNode reordered = original.deepCopy();
		ArrayNode members = (ArrayNode) reordered.get("rotation").get("members");
		JsonNode first = members.remove(0);
		members.add(first);

		Raw forbidden = put(path, reordered.toString(), this.onCall);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		// the network team's supervisor is not one of the ridge team's
		String otherTeamsSupervisor = RunningSuite.token("morgan-example", "SUPERVISOR");
		Raw otherTeam = put(path, reordered.toString(), otherTeamsSupervisor);
		assertThat(otherTeam.status()).as(otherTeam.body()).isEqualTo(403);
		assertThat(otherTeam.contentType()).startsWith("application/problem+json");
		assertThat(otherTeam.body()).contains("Only this team's supervisors may change its schedule.");
		assertThat(this.gateway.get(path, this.onCall).json()).isEqualTo(body);

		String supervisor = RunningSuite.token("quinn-example", "SUPERVISOR");
		Raw replaced = put(path, reordered.toString(), supervisor);
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(this.gateway.get(path, this.onCall).json().get("rotation").get("members"))
			.isEqualTo(reordered.get("rotation").get("members"));
		Raw restored = put(path, original.toString(), supervisor);
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(this.gateway.get(path, this.onCall).json()).isEqualTo(body);

		SuiteClient.Reply changes = this.gateway.get(path + "/changes", otherTeamsSupervisor);
		assertThat(changes.status()).as(changes.body()).isEqualTo(200);
		List<JsonNode> log = changes.items();
		assertThat(log).hasSize(2);
		assertThat(log).allSatisfy((change) -> {
			assertThat(change.get("team").asString()).isEqualTo("center-demo-ridge");
			assertThat(change.get("changedBy").asString()).isEqualTo("quinn-example");
			assertThat(change.get("changed").toString()).isEqualTo("[\"rotation.members\"]");
		});
		assertThat(log.get(0).get("revision").asInt()).isEqualTo(2);
		assertThat(log.get(1).get("before").get("rotation").get("members"))
			.isEqualTo(body.get("rotation").get("members"));
		assertThat(log.get(1).get("after").get("rotation").get("members"))
			.isEqualTo(reordered.get("rotation").get("members"));
		assertThat(changes.body()).doesNotContain("@staff.treatment-network.test", "+1202");
		assertThat(this.gateway.get(path + "/changes", this.onCall).status()).isEqualTo(403);

		((ObjectNode) reordered.get("rotation")).put("kind", "HOURLY");
		Raw invalid = put(path, reordered.toString(), supervisor);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(invalid.body()).contains("rotation.kind").doesNotContain("HOURLY");
		assertThat(put("/api/on-call/schedules/no-such-team", original.toString(), supervisor).status()).isEqualTo(404);
	}

	private Submitted submit() {
		int suffix = ThreadLocalRandom.current().nextInt(1000, 9999);
		String json = """
				{"name": "%s", "phone": "+1 720 555 %d", "email": null,
				 "preferredContact": "PHONE", "bestTimeToContact": "mornings",
				 "forWhom": "SELF", "substances": ["opioids"],
				 "message": "I would like to know about treatment options",
				 "centerId": null,
				 "consent": {"contact": true, "text": false, "voicemail": false}}
				""".formatted(NAME, suffix);
		SuiteClient.Reply accepted = this.gateway.postJson("/api/intake/contact-requests", json, null);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode body = accepted.json();
		return new Submitted(body.get("id").asString(), body.get("reference").asString(), String.valueOf(suffix));
	}

	private JsonNode awaitAlert(String reference, java.util.function.Predicate<JsonNode> until) {
		return RunningSuite.await("the alert of " + reference, Duration.ofSeconds(60), () -> {
			SuiteClient.Reply list = this.gateway.get("/api/alerts?reference=" + reference, this.onCall);
			if (list.status() != 200 || list.items().isEmpty()) {
				return null;
			}
			JsonNode alert = alert(list.items().get(0).get("id").asString());
			return until.test(alert) ? alert : null;
		});
	}

	private JsonNode alert(String id) {
		SuiteClient.Reply reply = this.gateway.get("/api/alerts/" + id, this.onCall);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static List<JsonNode> entries(JsonNode alert, String type) {
		List<JsonNode> found = new ArrayList<>();
		alert.get("timeline").forEach((entry) -> {
			if (type.equals(entry.get("type").asString())) {
				found.add(entry);
			}
		});
		return found;
	}

	private static String mailContaining(String text) {
		try (Stream<Path> files = Files.list(RunningSuite.config().mailDir())) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".eml")).toList()) {
				String content = Files.readString(file, StandardCharsets.UTF_8);
				if (content.contains(text)) {
					return content;
				}
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private URI gatewayUri(String path) {
		return URI.create(RunningSuite.config().gatewayUrl() + path);
	}

	private Raw post(String path, String json, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUri(path))
			.header("Authorization", "Bearer " + token);
		if (json != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		return send(request);
	}

	private Raw put(String path, String json, String token) {
		return send(HttpRequest.newBuilder(gatewayUri(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private Raw send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(15)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private record Submitted(String id, String reference, String phoneSuffix) {

	}

	private record Raw(int status, String contentType, String body) {

	}

}
