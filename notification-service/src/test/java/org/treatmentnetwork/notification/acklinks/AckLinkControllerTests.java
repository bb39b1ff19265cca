package org.treatmentnetwork.notification.acklinks;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.alerts.AlertAlreadyResolvedException;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.security.SecurityConfiguration;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.ArgumentMatchers.any;

@WebFluxTest(controllers = AckLinkController.class)
@Import({ SecurityConfiguration.class, AckLinkTokens.class })
@EnableConfigurationProperties(AckLinkProperties.class)
class AckLinkControllerTests {

	private static final String ALERT = "7d0f3c1e-4b8a-4d43-9a55-2f1f0c7f9b10";

	@Autowired
	private WebTestClient client;

	@Autowired
	private AckLinkTokens tokens;

	@MockitoBean
	private Alerts alerts;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void getShowsAConfirmationFormUnderAStrictPolicyAndDoesNotAcknowledge() {
		given(alerts.findById(ALERT)).willReturn(Mono.just(alert(AlertState.TRIGGERED)));

		String html = client.get()
			.uri("/api/alerts/ack/{token}", tokens.issue(ALERT, "avery-example"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueMatches("Content-Security-Policy",
					"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(html).contains("<form method=\"post\">").contains("TN-4K7Q2").doesNotContain("<script");
		then(alerts).should(never()).acknowledge(any(), any(), any());
	}

	@Test
	void postAcknowledgesForTheStaffMemberTheLinkWasSentTo() {
		given(alerts.acknowledge(ALERT, "avery-example", TimelineChannel.LINK))
			.willReturn(Mono.just(alert(AlertState.ACKNOWLEDGED)));

		client.post()
			.uri("/api/alerts/ack/{token}", tokens.issue(ALERT, "avery-example"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("is acknowledged").contains("avery-example"));
	}

	@Test
	void postOnAResolvedAlertSaysSo() {
		given(alerts.acknowledge(ALERT, "avery-example", TimelineChannel.LINK))
			.willReturn(Mono.error(new AlertAlreadyResolvedException()));

		client.post()
			.uri("/api/alerts/ack/{token}", tokens.issue(ALERT, "avery-example"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void forgedTokenIsNotFoundAndTouchesNothing() {
		String forged = ALERT + ".avery-example.4102444800.c2lnbmF0dXJl";

		client.get().uri("/api/alerts/ack/{token}", forged).exchange().expectStatus().isNotFound();
		client.post().uri("/api/alerts/ack/{token}", forged).exchange().expectStatus().isNotFound();
		verifyNoInteractions(alerts);
	}

	private static AlertDocument alert(AlertState state) {
		Instant created = Instant.parse("2026-11-24T22:00:00Z");
		boolean acknowledged = state == AlertState.ACKNOWLEDGED;
		return new AlertDocument(ALERT, "req-1", "event-1", "TN-4K7Q2", "CRISIS", "WEB", null, created.plusSeconds(900),
				state, created, acknowledged ? created.plusSeconds(60) : null, acknowledged ? "avery-example" : null,
				null, List.of(), 1, null, null, null, 0);
	}

}
