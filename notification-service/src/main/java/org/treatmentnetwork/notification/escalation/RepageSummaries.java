package org.treatmentnetwork.notification.escalation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.Urgency;
import org.treatmentnetwork.notification.channels.AlertMessage;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Bundles re-pages when many alerts are open for one person: instead of a message per
 * alert, one summary per interval ("14 requests waiting, 2 CRISIS; oldest 40 min", with
 * one link to the open alerts), as paging products bundle alerts. Which re-page sends the
 * summary is decided by one atomic claim per person ({@code pageSummaries} collection),
 * so several instances send one summary between them; the re-pages in between are
 * recorded on their alert's timeline as included in it ({@code BUNDLED}), never dropped
 * silently.
 */
@Component
class RepageSummaries {

	static final String COLLECTION = "pageSummaries";

	private final Alerts alerts;

	private final ReactiveMongoTemplate mongo;

	private final StormProperties properties;

	private final Clock clock;

	private final URI openAlerts;

	RepageSummaries(Alerts alerts, ReactiveMongoTemplate mongo, StormProperties properties, Clock clock,
			@Value("${notification.links.public-base-url}") URI publicBaseUrl) {
		this.alerts = alerts;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.openAlerts = URI.create(publicBaseUrl.toString().replaceAll("/+$", "") + "/api/alerts?state=TRIGGERED");
	}

	/**
	 * What to do with a re-page of this alert to this person.
	 * @param alert the alert being re-paged
	 * @param staffId the person
	 * @return {@link Decision#PAGE} if few alerts are open for them; else whether this
	 * re-page sends the summary or is included in one already sent
	 */
	Mono<Decision> decide(AlertDocument alert, String staffId) {
		// Whether there are many takes a few documents; only the re-page that sends the
		// summary reads what it counts.
		return this.alerts.triggeredPagedTo(staffId, this.properties.bundleThreshold())
			.filter((open) -> !open.id().equals(alert.id()))
			.count()
			.flatMap((others) -> {
				if (others + 1 < this.properties.bundleThreshold()) {
					return Mono.just(Decision.page());
				}
				return claim(staffId).flatMap(
						(claimed) -> claimed
								? this.alerts.triggeredPagedTo(staffId, this.properties.summaryScan())
									.filter((open) -> !open.id().equals(alert.id()))
									.collectList()
									.map((all) -> Decision.send(summarize(alert, all)))
								: Mono.just(Decision.bundled()));
			});
	}

	private Summary summarize(AlertDocument alert, List<AlertDocument> others) {
		int count = others.size() + 1;
		int crisis = (int) others.stream().filter(RepageSummaries::crisis).count() + (crisis(alert) ? 1 : 0);
		Instant oldest = others.stream()
			.map(AlertDocument::createdAt)
			.reduce(alert.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
		long minutes = Math.max(0, Duration.between(oldest, this.clock.instant()).toMinutes());
		boolean more = others.size() >= this.properties.summaryScan();
		return new Summary(count, more, crisis, minutes, this.openAlerts);
	}

	private static boolean crisis(AlertDocument alert) {
		return Urgency.of(alert.urgency()) == Urgency.CRISIS;
	}

	/**
	 * Claim this interval's summary for a person: {@code true} for the first caller after
	 * the interval, across instances.
	 */
	private Mono<Boolean> claim(String staffId) {
		Instant now = this.clock.instant();
		Instant due = now.minus(this.properties.summaryInterval());
		Criteria free = where("_id").is(staffId).orOperator(where("sentAt").lte(due), where("sentAt").is(null));
		return this.mongo
			.findAndModify(query(free), new Update().set("sentAt", now),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
			.map((claimed) -> Boolean.TRUE)
			.defaultIfEmpty(Boolean.FALSE)
			.onErrorResume(DuplicateKeyException.class, (taken) -> Mono.just(Boolean.FALSE));
	}

	/**
	 * Give a person's summary slot back (its summary could not be sent).
	 * @param staffId the person
	 * @return completes when done
	 */
	Mono<Void> release(String staffId) {
		return this.mongo.remove(query(where("_id").is(staffId)), COLLECTION).then();
	}

	/**
	 * How many alerts a summary is about.
	 *
	 * @param open open alerts paged to the person, this one included
	 * @param atLeast whether there are more than were read
	 * @param crisis how many of them are CRISIS
	 * @param oldestMinutes the age of the oldest, in minutes
	 * @param link the list of open alerts
	 */
	record Summary(int open, boolean atLeast, int crisis, long oldestMinutes, URI link) {

		String text() {
			return (this.atLeast ? "At least " : "") + this.open + " requests waiting for a first contact, "
					+ this.crisis + " CRISIS; oldest " + this.oldestMinutes + " min. Open alerts: " + this.link;
		}

		AlertMessage message() {
			String text = text();
			return new AlertMessage(null,
					"[SUMMARY] " + this.open + " contact requests waiting, " + this.crisis + " CRISIS",
					"Several contact requests paged to you are still waiting for their first contact.\n\n" + text
							+ "\n\nEach alert's own page has its acknowledgement link.\n",
					text,
					Map.of("kind", "SUMMARY", "open", Integer.toString(this.open), "crisis",
							Integer.toString(this.crisis), "oldestMinutes", Long.toString(this.oldestMinutes), "link",
							this.link.toString()))
				.spoken(this.open + " contact requests are waiting for a first contact, " + this.crisis
						+ " of them crisis requests. The oldest has waited " + this.oldestMinutes
						+ " minutes. Please open the alert list.");
		}

	}

	/**
	 * What to do with one re-page.
	 *
	 * @param kind page, send the summary, or record as included
	 * @param summary the summary to send, for {@code SEND_SUMMARY}
	 */
	record Decision(Kind kind, Summary summary) {

		static Decision page() {
			return new Decision(Kind.PAGE, null);
		}

		static Decision send(Summary summary) {
			return new Decision(Kind.SEND_SUMMARY, summary);
		}

		static Decision bundled() {
			return new Decision(Kind.BUNDLED, null);
		}

		enum Kind {

			PAGE, SEND_SUMMARY, BUNDLED

		}

	}

}
