package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who reaches out again, through the gateway: a repeat from the same phone stays
 * linked to the person's alert; a crisis after a routine request raises the alert's
 * urgency and pages the crisis escalation at once, and its {@code 202} carries the crisis
 * lines; a repeat of the same urgency tells the person paged that they reached out again.
 */
@ExtendWith(RunningSuite.class)
class RepeatRequestSystemIT {

	private static final String NAME = "Rhea Repeattest";

	private static final AtomicInteger PHONES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 9000));

	private final SuiteClient gateway = RunningSuite.gateway();

	private final String onCall = RunningSuite.token("nurse-repeat-it", "ON_CALL");

	@Test
	void aCrisisAfterARoutineRequestOfTheSamePhonePagesTheCrisisAtOnceAndAnswersWithTheCrisisLines() {
		String phone = uniquePhone();
		JsonNode first = submit(phone, "I would like to know about treatment options");
		assertThat(first.get("urgency").asString()).isEqualTo("ROUTINE");
		assertThat(first.has("crisisResources")).isFalse();
		String reference = first.get("reference").asString();
		awaitAlert(reference, (alert) -> !entries(alert, "NOTIFIED").isEmpty());

		JsonNode crisis = submit(phone, "I took too much and I think I overdosed");

		assertThat(crisis.get("urgency").asString()).isEqualTo("CRISIS");
		List<String> lines = new ArrayList<>();
		crisis.get("crisisResources").forEach((line) -> lines.add(line.get("phone").asString()));
		assertThat(lines).contains("988", "911");
		// Step 1 (by e-mail and text) and, escalated at once, step 2.
		JsonNode raised = awaitAlert(reference, (alert) -> types(alert).contains("ESCALATED")
				&& types(alert).lastIndexOf("NOTIFIED") > types(alert).lastIndexOf("ESCALATED"));
		assertThat(raised.get("urgency").asString()).isEqualTo("CRISIS");
		assertThat(types(raised)).containsSubsequence("CREATED", "NOTIFIED", "DUPLICATE_LINKED", "URGENCY_RAISED",
				"NOTIFIED", "ESCALATED", "NOTIFIED");
		assertThat(types(raised).indexOf("URGENCY_RAISED")).isLessThan(types(raised).lastIndexOf("NOTIFIED"));
		// The repeat is the same person: no second alert.
		assertThat(alertsFor(crisis.get("reference").asString())).isEmpty();

		List<String> pages = RunningSuite.await("the CRISIS pages for " + reference, Duration.ofSeconds(30), () -> {
			List<String> found = mails("Reference: " + reference, "Urgency: CRISIS");
			return (found.size() >= 2) ? found : null;
		});
		assertThat(pages).allSatisfy((mail) -> assertThat(mail).doesNotContain(NAME, phoneDigits(phone), "overdosed"));
	}

	@Test
	void aRepeatOfTheSameUrgencyTellsThePersonPagedThatTheyReachedOutAgain() {
		String phone = uniquePhone();
		String reference = submit(phone, "Please call me about detox").get("reference").asString();
		JsonNode paged = awaitAlert(reference, (alert) -> !entries(alert, "NOTIFIED").isEmpty());
		String recipient = entries(paged, "NOTIFIED").get(0).get("recipient").asString();

		JsonNode repeat = submit(phone, "Calling again about detox");

		assertThat(repeat.get("urgency").asString()).isEqualTo("ROUTINE");
		JsonNode told = awaitAlert(reference, (alert) -> !entries(alert, "REPEAT_NOTIFIED").isEmpty());
		assertThat(entries(told, "REPEAT_NOTIFIED").get(0).get("recipient").asString()).isEqualTo(recipient);
		assertThat(told.get("urgency").asString()).isEqualTo("ROUTINE");
		assertThat(alertsFor(repeat.get("reference").asString())).isEmpty();
		String notice = RunningSuite.await("the repeat notice for " + reference, Duration.ofSeconds(30), () -> {
			List<String> found = mails("Reference: " + reference, "reached out again");
			return found.isEmpty() ? null : found.get(0);
		});
		assertThat(notice).doesNotContain(NAME, phoneDigits(phone), "detox");
	}

	private JsonNode submit(String phone, String message) {
		String json = """
				{"name": "%s", "phone": "%s", "email": null,
				 "preferredContact": "PHONE", "bestTimeToContact": "mornings",
				 "forWhom": "SELF", "substances": ["opioids"],
				 "message": "%s", "centerId": null,
				 "consent": {"contact": true, "text": false, "voicemail": false}}
				""".formatted(NAME, phone, message);
		SuiteClient.Reply accepted = this.gateway.postJson("/api/intake/contact-requests", json, null);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json();
	}

	private List<JsonNode> alertsFor(String reference) {
		SuiteClient.Reply list = this.gateway.get("/api/alerts?reference=" + reference, this.onCall);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		return list.items();
	}

	private JsonNode awaitAlert(String reference, Predicate<JsonNode> until) {
		return RunningSuite.await("the alert of " + reference, Duration.ofSeconds(60), () -> {
			List<JsonNode> found = alertsFor(reference);
			if (found.isEmpty()) {
				return null;
			}
			SuiteClient.Reply alert = this.gateway.get("/api/alerts/" + found.get(0).get("id").asString(), this.onCall);
			return (alert.status() == 200 && until.test(alert.json())) ? alert.json() : null;
		});
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

	private static List<String> types(JsonNode alert) {
		List<String> types = new ArrayList<>();
		alert.get("timeline").forEach((entry) -> types.add(entry.get("type").asString()));
		return types;
	}

	private static List<String> mails(String... containing) {
		try (Stream<Path> files = Files.list(RunningSuite.config().mailDir())) {
			List<String> found = new ArrayList<>();
			for (Path file : files.filter((f) -> f.toString().endsWith(".eml")).toList()) {
				String content = Files.readString(file, StandardCharsets.UTF_8);
				if (Stream.of(containing).allMatch(content::contains)) {
					found.add(content);
				}
			}
			return found;
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** A phone number no other test uses, so that only this class's requests repeat. */
	private static String uniquePhone() {
		return "+1 406 555 " + PHONES.incrementAndGet();
	}

	private static String phoneDigits(String phone) {
		return phone.replaceAll("\\D", "").substring(1);
	}

}
