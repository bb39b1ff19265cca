package org.treatmentnetwork.notification.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.security.SecurityConfiguration;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

@WebFluxTest(controllers = AlertStreamController.class)
@Import(SecurityConfiguration.class)
class AlertStreamTests {

	private static final Instant NOW = Instant.parse("2026-11-24T22:00:00Z");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private AlertStream stream;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void pollsChangesAfterTheLastSeenUpdateSharedBySubscribers() {
		Alerts alerts = mock(Alerts.class);
		AlertDocument first = alert("a-1", NOW.plusSeconds(1));
		AlertDocument second = alert("a-2", NOW.plusSeconds(2));
		given(alerts.changedAfter(eq(NOW), anyInt())).willReturn(Flux.just(first));
		given(alerts.changedAfter(eq(NOW.plusSeconds(1)), anyInt())).willReturn(Flux.just(second), Flux.empty());
		AlertStream polling = new AlertStream(alerts, Clock.fixed(NOW, ZoneOffset.UTC),
				new AlertStreamProperties(Duration.ofMillis(20)));

		StepVerifier.create(polling.changes().take(2).map(AlertDocument::id))
			.expectNext("a-1", "a-2")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void staffGetServerSentEventsOfChangedAlerts() {
		given(this.stream.changes()).willReturn(Flux.just(alert("a-1", NOW)).concatWith(Flux.never()));

		List<ServerSentEvent<String>> events = this.client
			.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ON_CALL")))
			.get()
			.uri("/api/alerts/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.take(1)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("alert");
			assertThat(event.id()).isEqualTo("a-1");
			assertThat(event.data()).contains("\"reference\":\"TN-4K7Q2\"", "\"state\":\"TRIGGERED\"");
		});
	}

	@Test
	void theStreamNeedsAStaffToken() {
		this.client.get().uri("/api/alerts/stream").exchange().expectStatus().isUnauthorized();
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_EDITOR")))
			.get()
			.uri("/api/alerts/stream")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private static AlertDocument alert(String id, Instant updatedAt) {
		return new AlertDocument(id, "req-1", "event-1", "TN-4K7Q2", "CRISIS", "WEB", null, NOW.plusSeconds(900),
				AlertState.TRIGGERED, NOW, null, null, null, List.of(), 1, NOW, null, null, 0, 0, false, updatedAt,
				List.of(), null, List.of(), List.of(), null, 0, null, null, List.of());
	}

}
