package org.treatmentnetwork.intake.pipeline;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.intake.problems.ConflictException;
import org.treatmentnetwork.intake.requests.RequestStatus;
import org.treatmentnetwork.intake.triage.Urgency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

@WebFluxTest(controllers = PipelineController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "org\\.treatmentnetwork\\.intake\\.(security|problems)\\..*"))
class PipelineControllerTest {

	private static final String REQUEST = "/api/intake/contact-requests/req-1";

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private PipelineService service;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void agentAndSupervisorReadTheQueue() {
		given(this.service.queue(any())).willReturn(Flux.just(item()));

		for (String role : new String[] { "ROLE_INTAKE_AGENT", "ROLE_SUPERVISOR" }) {
			this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority(role)))
				.get()
				.uri("/api/intake/queue")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[0].id")
				.isEqualTo("req-1")
				.jsonPath("$[0].waitingSeconds")
				.isEqualTo(120)
				.jsonPath("$[0].firstContactDueAt")
				.isEqualTo("2026-11-24T22:15:00Z");
		}
	}

	@Test
	void otherRolesAndAnonymousCallersDoNotSeeTheQueue() {
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ON_CALL")))
			.get()
			.uri("/api/intake/queue")
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri("/api/intake/queue").exchange().expectStatus().isUnauthorized();
		verifyNoInteractions(this.service);
	}

	@Test
	void supervisorsReadButDoNotClaimOrMoveRequests() {
		for (String action : new String[] { "/claim", "/status" }) {
			this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))
				.post()
				.uri(REQUEST + action)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		verifyNoInteractions(this.service);
	}

	@Test
	void claimHeldByAnotherAgentIsAConflict() {
		given(this.service.claim("req-1", "agent-2"))
			.willReturn(Mono.error(new ConflictException("This request is held by another agent (agent-1).")));

		agent("agent-2").post()
			.uri(REQUEST + "/claim")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/conflict");
	}

	@Test
	void releaseTellsTheServiceWhetherASupervisorAsksAndPassesTheTrimmedNote() {
		given(this.service.release(any(), any(), anyBoolean(), any())).willReturn(Mono.just(item()));

		agent("agent-1").post().uri(REQUEST + "/release").exchange().expectStatus().isOk();
		verify(this.service).release("req-1", "agent-1", false, null);
		this.client
			.mutateWith(mockJwt().jwt((jwt) -> jwt.subject("supervisor-1"))
				.authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))
			.post()
			.uri(REQUEST + "/release")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"note\":\"  agent off shift  \"}")
			.exchange()
			.expectStatus()
			.isOk();
		verify(this.service).release("req-1", "supervisor-1", true, "agent off shift");
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ON_CALL")))
			.post()
			.uri(REQUEST + "/release")
			.exchange()
			.expectStatus()
			.isForbidden();
		verifyNoMoreInteractions(this.service);
	}

	@Test
	void noteTellsTheServiceWhetherASupervisorWritesIt() {
		given(this.service.addNote(any(), any(), anyBoolean(), any())).willReturn(Mono.just(item()));

		agent("agent-1").post()
			.uri(REQUEST + "/notes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\":\"  call back after 6 pm \"}")
			.exchange()
			.expectStatus()
			.isOk();
		verify(this.service).addNote("req-1", "agent-1", false, "call back after 6 pm");
		this.client
			.mutateWith(mockJwt().jwt((jwt) -> jwt.subject("supervisor-1"))
				.authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))
			.post()
			.uri(REQUEST + "/notes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\":\"caller prefers Spanish\"}")
			.exchange()
			.expectStatus()
			.isOk();
		verify(this.service).addNote("req-1", "supervisor-1", true, "caller prefers Spanish");
		for (String role : new String[] { "ROLE_ON_CALL", "ROLE_EDITOR" }) {
			this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority(role)))
				.post()
				.uri(REQUEST + "/notes")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"text\":\"x\"}")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		verifyNoMoreInteractions(this.service);
	}

	@Test
	void noteOnARequestAnotherAgentHoldsIsAConflictProblem() {
		given(this.service.addNote("req-1", "agent-2", false, "x")).willReturn(Mono.error(new ConflictException(
				"This request is held by another agent (agent-1): only that agent, or a supervisor, may add notes to it.")));

		agent("agent-2").post()
			.uri(REQUEST + "/notes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\":\"x\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/conflict")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("supervisor"));
	}

	@Test
	void statusMoveIsPassedOnWithItsTrimmedNote() {
		given(this.service.changeStatus("req-1", "agent-1", RequestStatus.CLOSED, "moved away"))
			.willReturn(Mono.just(item()));

		agent("agent-1").post()
			.uri(REQUEST + "/status")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"status\":\"CLOSED\",\"note\":\"  moved away \"}")
			.exchange()
			.expectStatus()
			.isOk();

		verify(this.service).changeStatus("req-1", "agent-1", RequestStatus.CLOSED, "moved away");
	}

	static Stream<Arguments> invalidBodies() {
		return Stream.of(Arguments.of("/status", "{}", "status"),
				Arguments.of("/status", "{\"status\":\"DONE\"}", "status"),
				Arguments.of("/status", "{\"status\":{\"$ne\":null}}", "status"),
				Arguments.of("/status", "{\"status\":\"CLOSED\"}", "note"),
				Arguments.of("/status", "{\"status\":\"REFERRED_OUT\",\"note\":\"   \"}", "note"),
				Arguments.of("/status", "{\"status\":\"CONTACTED\",\"extra\":1}", "extra"),
				Arguments.of("/notes", "{}", "text"),
				Arguments.of("/notes", "{\"text\":\"" + "x".repeat(2001) + "\"}", "text"),
				Arguments.of("/notes", "{\"text\":[\"a\"]}", "text"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("invalidBodies")
	void invalidBodiesAreRejectedWithFieldErrors(String action, String body, String field) {
		agent("agent-1").post()
			.uri(REQUEST + action)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
		verifyNoInteractions(this.service);
	}

	private WebTestClient agent(String subject) {
		return this.client.mutateWith(mockJwt().jwt((jwt) -> jwt.subject(subject))
			.authorities(new SimpleGrantedAuthority("ROLE_INTAKE_AGENT")));
	}

	private static QueueItem item() {
		Instant received = Instant.parse("2026-11-24T22:00:00Z");
		return new QueueItem("req-1", "K7PX-3MZQ", RequestStatus.RECEIVED, Urgency.HIGH, "WEB", "SELF", "PHONE", null,
				received, 120, received.plusSeconds(900), false, null, null, null);
	}

}
