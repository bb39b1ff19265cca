package org.treatmentnetwork.notification.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.acklinks.AckLinkTokens;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.OnCallPerson;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.MailSendException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class AlertDispatcherTests {

	private static final Instant NOW = Instant.parse("2026-11-24T22:00:00Z");

	private final Alerts alerts = mock(Alerts.class);

	private final OnCallDirectory directory = mock(OnCallDirectory.class);

	private final EmailChannel email = mock(EmailChannel.class);

	private final AckLinkTokens links = mock(AckLinkTokens.class);

	private final AlertDispatcher dispatcher = new AlertDispatcher(this.alerts, this.directory, this.email, this.links,
			new DeliveryProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), 50, 4, Duration.ofSeconds(20),
					Duration.ofSeconds(5), Duration.ofMinutes(5), "alerts@treatment-network.test"),
			Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());

	private final AlertDocument alert = new AlertDocument("alert-1", "req-1", "event-1", "TN-4K7Q2", "CRISIS", "WEB",
			null, null, AlertState.TRIGGERED, NOW, null, null, null, List.of(), 1, NOW, null, null, 0);

	private final OnCallPerson avery = new OnCallPerson("network", "avery-example", "Avery Example",
			"avery.example@staff.treatment-network.test", ZoneId.of("America/New_York"), NOW, NOW.plusSeconds(3600));

	@Test
	void pagesTheOnCallPersonAndRecordsIt() {
		claimsOnce();
		given(this.directory.stepOneFor(null, NOW)).willReturn(Mono.just(this.avery));
		given(this.links.linkFor("alert-1", "avery-example")).willReturn(URI.create("https://x.test/api/alerts/ack/t"));
		given(this.email.send(any())).willReturn(Mono.empty());
		given(this.alerts.recordNotified(eq("alert-1"), anyString(), eq("avery-example"), eq(TimelineChannel.EMAIL),
				anyString()))
			.willReturn(Mono.empty());

		StepVerifier.create(this.dispatcher.dispatchDue()).verifyComplete();

		then(this.email).should()
			.send(argThat((message) -> message.to().equals(this.avery.email())
					&& message.body().contains("https://x.test/api/alerts/ack/t")));
		then(this.alerts).should(never()).recordDeliveryFailed(any(), any(), any(), any(), any(), any());
	}

	@Test
	void failedSendIsRecordedAndRetriedAfterBackoff() {
		claimsOnce();
		given(this.directory.stepOneFor(null, NOW)).willReturn(Mono.just(this.avery));
		given(this.links.linkFor("alert-1", "avery-example")).willReturn(URI.create("https://x.test/api/alerts/ack/t"));
		given(this.email.send(any())).willReturn(Mono.error(new MailSendException("connection refused")));
		given(this.alerts.recordDeliveryFailed(eq("alert-1"), anyString(), eq("avery-example"),
				eq(TimelineChannel.EMAIL), anyString(), eq(NOW.plusSeconds(5))))
			.willReturn(Mono.empty());

		StepVerifier.create(this.dispatcher.dispatchDue()).verifyComplete();

		then(this.alerts).should()
			.recordDeliveryFailed(eq("alert-1"), anyString(), eq("avery-example"), eq(TimelineChannel.EMAIL),
					eq("E-mail delivery failed"), eq(NOW.plusSeconds(5)));
		then(this.alerts).should(never()).recordNotified(any(), any(), any(), any(), any());
	}

	@Test
	void nobodyOnCallIsRecordedAsFailedDelivery() {
		claimsOnce();
		given(this.directory.stepOneFor(null, NOW)).willReturn(Mono.empty());
		given(this.alerts.recordDeliveryFailed(eq("alert-1"), anyString(), isNull(), isNull(), anyString(),
				eq(NOW.plusSeconds(5))))
			.willReturn(Mono.empty());

		StepVerifier.create(this.dispatcher.dispatchDue()).verifyComplete();

		then(this.alerts).should()
			.recordDeliveryFailed(eq("alert-1"), anyString(), isNull(), isNull(), anyString(), eq(NOW.plusSeconds(5)));
		then(this.email).should(never()).send(any());
	}

	@Test
	void aFailingPassEndsQuietlySoTheLoopSurvives() {
		given(this.alerts.claimNextDue(anyString(), any()))
			.willReturn(Mono.error(new DataAccessResourceFailureException("store down")));

		StepVerifier.create(this.dispatcher.dispatchDue()).verifyComplete();
	}

	private void claimsOnce() {
		given(this.alerts.claimNextDue(anyString(), eq(Duration.ofSeconds(30)))).willReturn(Mono.just(this.alert),
				Mono.empty());
	}

}
