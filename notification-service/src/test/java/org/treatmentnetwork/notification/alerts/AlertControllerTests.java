package org.treatmentnetwork.notification.alerts;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.security.SecurityConfiguration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

@WebFluxTest(controllers = AlertController.class)
@Import(SecurityConfiguration.class)
class AlertControllerTests {

	private static final Instant CREATED = Instant.parse("2026-11-24T22:00:00Z");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private Alerts alerts;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void withoutTokenIsUnauthorizedProblem() {
		client.get()
			.uri("/api/alerts")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.title")
			.exists()
			.jsonPath("$.detail")
			.exists();
		verifyNoInteractions(alerts);
	}

	@Test
	void intakeAgentIsForbiddenProblem() {
		client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_INTAKE_AGENT")))
			.get()
			.uri("/api/alerts")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/forbidden")
			.jsonPath("$.status")
			.isEqualTo(403);
		verifyNoInteractions(alerts);
	}

	@Test
	void onCallListsAlertsNewestFirstWithTheContractFields() {
		given(alerts.search(AlertState.TRIGGERED, "TN-4K7Q2", AlertController.DEFAULT_LIMIT))
			.willReturn(Flux.just(alert("a-2", AlertState.TRIGGERED)));

		client.mutateWith(onCall())
			.get()
			.uri("/api/alerts?state=triggered&reference=TN-4K7Q2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo("a-2")
			.jsonPath("$[0].requestId")
			.isEqualTo("req-1")
			.jsonPath("$[0].reference")
			.isEqualTo("TN-4K7Q2")
			.jsonPath("$[0].urgency")
			.isEqualTo("CRISIS")
			.jsonPath("$[0].state")
			.isEqualTo("TRIGGERED")
			.jsonPath("$[0].createdAt")
			.isEqualTo("2026-11-24T22:00:00Z")
			.jsonPath("$[0].acknowledgedAt")
			.isEmpty()
			.jsonPath("$[0].timeline")
			.doesNotExist()
			.jsonPath("$[0].leaseOwner")
			.doesNotExist();
	}

	@Test
	void supervisorMayReadToo() {
		given(alerts.search(null, null, AlertController.DEFAULT_LIMIT)).willReturn(Flux.empty());

		client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))
			.get()
			.uri("/api/alerts")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[]");
	}

	@Test
	void invalidStateIsValidationProblem() {
		client.mutateWith(onCall())
			.get()
			.uri("/api/alerts?state=SNOOZED")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("state")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be one of TRIGGERED, ACKNOWLEDGED, RESOLVED")
			.consumeWith((result) -> assertThat(new String(result.getResponseBodyContent())).doesNotContain("SNOOZED"));
		verifyNoInteractions(alerts);
	}

	@Test
	void detailHasTheTimeline() {
		given(alerts.findById("a-1")).willReturn(Mono.just(alert("a-1", AlertState.TRIGGERED)));

		client.mutateWith(onCall())
			.get()
			.uri("/api/alerts/a-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("a-1")
			.jsonPath("$.resolvedAt")
			.isEmpty()
			.jsonPath("$.timeline[0].type")
			.isEqualTo("CREATED")
			.jsonPath("$.timeline[0].at")
			.isEqualTo("2026-11-24T22:00:00Z")
			.jsonPath("$.timeline[1].type")
			.isEqualTo("NOTIFIED")
			.jsonPath("$.timeline[1].recipient")
			.isEqualTo("avery-example")
			.jsonPath("$.timeline[1].channel")
			.isEqualTo("EMAIL")
			.jsonPath("$.timeline[1].detail")
			.isEqualTo("Paged");
	}

	@Test
	void unknownAlertIsNotFoundProblem() {
		given(alerts.findById("missing")).willReturn(Mono.empty());

		client.mutateWith(onCall())
			.get()
			.uri("/api/alerts/missing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("No alert with this id.");
	}

	@Test
	void storeOutageIsServiceUnavailableProblem() {
		given(alerts.findById("a-1")).willReturn(Mono.error(new DataAccessResourceFailureException("store down")));

		client.mutateWith(onCall())
			.get()
			.uri("/api/alerts/a-1")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/service-unavailable");
	}

	@Test
	void acknowledgeRecordsTheCallersStaffId() {
		given(alerts.acknowledge("a-1", "jordan-example", TimelineChannel.API))
			.willReturn(Mono.just(alert("a-1", AlertState.ACKNOWLEDGED)));

		client
			.mutateWith(mockJwt().jwt((jwt) -> jwt.subject("jordan-example"))
				.authorities(new SimpleGrantedAuthority("ROLE_ON_CALL")))
			.post()
			.uri("/api/alerts/a-1/acknowledge")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void aSupervisorAloneMayNotAcknowledge() {
		client
			.mutateWith(mockJwt().jwt((jwt) -> jwt.subject("morgan-example"))
				.authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))
			.post()
			.uri("/api/alerts/a-1/acknowledge")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/forbidden");
		verifyNoInteractions(alerts);
	}

	@Test
	void aSupervisorWhoIsAlsoOnCallMayAcknowledge() {
		given(alerts.acknowledge("a-1", "morgan-example", TimelineChannel.API))
			.willReturn(Mono.just(alert("a-1", AlertState.ACKNOWLEDGED)));

		client
			.mutateWith(mockJwt().jwt((jwt) -> jwt.subject("morgan-example"))
				.authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR"), new SimpleGrantedAuthority("ROLE_ON_CALL")))
			.post()
			.uri("/api/alerts/a-1/acknowledge")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void acknowledgingAResolvedAlertIsConflict() {
		given(alerts.acknowledge(eq("a-1"), any(), any())).willReturn(Mono.error(new AlertAlreadyResolvedException()));

		client.mutateWith(onCall())
			.post()
			.uri("/api/alerts/a-1/acknowledge")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/conflict");
	}

	@Test
	void acknowledgingAnUnknownAlertIsNotFound() {
		given(alerts.acknowledge(eq("missing"), any(), any())).willReturn(Mono.empty());

		client.mutateWith(onCall())
			.post()
			.uri("/api/alerts/missing/acknowledge")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void acknowledgeNeedsAToken() {
		client.post().uri("/api/alerts/a-1/acknowledge").exchange().expectStatus().isUnauthorized();
		client.post().uri("/api/alerts/ack/acknowledge").exchange().expectStatus().isUnauthorized();
		verifyNoInteractions(alerts);
	}

	@Test
	void limitOutOfRangeIsValidationProblem() {
		client.mutateWith(onCall())
			.get()
			.uri("/api/alerts?limit=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
		verifyNoInteractions(alerts);
	}

	private static JwtMutator onCall() {
		return mockJwt().jwt((jwt) -> jwt.subject("avery-example"))
			.authorities(new SimpleGrantedAuthority("ROLE_ON_CALL"));
	}

	private static AlertDocument alert(String id, AlertState state) {
		return new AlertDocument(id, "req-1", "event-1", "TN-4K7Q2", "CRISIS", "WEB", null, CREATED.plusSeconds(900),
				state, CREATED, null, null, null,
				List.of(new TimelineEntry(CREATED, TimelineType.CREATED, null, null, "Contact request received"),
						new TimelineEntry(CREATED.plusMillis(40), TimelineType.NOTIFIED, "avery-example",
								TimelineChannel.EMAIL, "Paged")),
				1, null, null, "instance-1", 0);
	}

}
