package org.treatmentnetwork.notification.alerts;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

@JsonTest
class AlertDetailJsonTests {

	@Autowired
	private JacksonTester<AlertDetail> json;

	@Test
	void writesExactlyTheContractFieldsWithIsoInstants() throws Exception {
		Instant created = Instant.parse("2026-11-24T22:00:00Z");
		AlertDocument alert = new AlertDocument("a-1", "req-1", "event-1", "TN-4K7Q2", "CRISIS", "WEB", null,
				created.plusSeconds(900), AlertState.TRIGGERED, created, null, null, null,
				List.of(new TimelineEntry(created, TimelineType.CREATED, null, null, "Contact request received"),
						new TimelineEntry(created.plusMillis(35), TimelineType.NOTIFIED, "avery-example",
								TimelineChannel.EMAIL, "Paged")),
				1, null, null, null, 0);

		String written = this.json.write(AlertDetail.from(alert)).getJson();

		assertThat(written).isEqualToIgnoringWhitespace("""
				{"id":"a-1","requestId":"req-1","reference":"TN-4K7Q2","urgency":"CRISIS","state":"TRIGGERED",
				 "createdAt":"2026-11-24T22:00:00Z","acknowledgedAt":null,"acknowledgedBy":null,"resolvedAt":null,
				 "timeline":[
				  {"at":"2026-11-24T22:00:00Z","type":"CREATED","recipient":null,"channel":null,
				   "detail":"Contact request received"},
				  {"at":"2026-11-24T22:00:00.035Z","type":"NOTIFIED","recipient":"avery-example","channel":"EMAIL",
				   "detail":"Paged"}]}
				""");
	}

}
