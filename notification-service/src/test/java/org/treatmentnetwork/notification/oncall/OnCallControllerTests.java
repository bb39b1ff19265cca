package org.treatmentnetwork.notification.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.problems.ForbiddenException;
import org.treatmentnetwork.notification.security.SecurityConfiguration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

@WebFluxTest(controllers = OnCallController.class)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties(OnCallProperties.class)
@TestPropertySource(properties = "notification.on-call.default-team=network")
class OnCallControllerTests {

	private static final Instant SINCE = Instant.parse("2026-11-24T13:00:00Z");

	private static final String SCHEDULE = """
			{"supervisorId": "morgan-example",
			 "rotation": {"kind": "WEEKLY", "startDate": "2026-01-05", "handoffTime": "09:00",
			  "zone": "America/Chicago", "members": ["avery-example"]},
			 "overrides": [],
			 "escalation": {"steps": [{"target": "SCHEDULE", "escalateAfterMinutes": 5}], "repeat": 1}}
			""";

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private OnCallDirectory directory;

	@MockitoBean
	private Schedules schedules;

	@MockitoBean
	private ScheduleChanges changes;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void nowListsTheDefaultTeamFirstWithEveryStep() {
		OnCallPerson avery = new OnCallPerson("network", "avery-example", "Avery Example", "a@x.test",
				ZoneId.of("America/New_York"), SINCE, SINCE.plus(Duration.ofDays(1)));
		OnCallPerson morgan = new OnCallPerson("network", "morgan-example", "Morgan Example", "m@x.test",
				ZoneId.of("America/New_York"), null, null);
		TeamDocument ridge = DemoNetworkSeeder.RIDGE_TEAM;
		given(this.directory.everyTeam(any())).willReturn(Flux.just(new OnCallDirectory.TeamOnCall(ridge, List.of()),
				new OnCallDirectory.TeamOnCall(DemoNetworkSeeder.NETWORK_TEAM, List.of(
						new OnCallDirectory.StepOnCall(1, step(EscalationTarget.SCHEDULE), List.of(avery)),
						new OnCallDirectory.StepOnCall(2, step(EscalationTarget.SUPERVISOR), List.of(morgan))))));

		this.client.mutateWith(role("ON_CALL"))
			.get()
			.uri("/api/on-call/now")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].team")
			.isEqualTo("network")
			.jsonPath("$[0].steps[0].step")
			.isEqualTo(1)
			.jsonPath("$[0].steps[0].target")
			.isEqualTo("SCHEDULE")
			.jsonPath("$[0].steps[0].staffId")
			.isEqualTo("avery-example")
			.jsonPath("$[0].steps[1].target")
			.isEqualTo("SUPERVISOR")
			.jsonPath("$[0].steps[1].staffId")
			.isEqualTo("morgan-example")
			.jsonPath("$[0].steps[0].email")
			.doesNotExist()
			.jsonPath("$[1].team")
			.isEqualTo("center-demo-ridge");
	}

	@Test
	void onCallStaffReadASchedule() {
		given(this.directory.team("network")).willReturn(Mono.just(DemoNetworkSeeder.NETWORK_TEAM));

		this.client.mutateWith(role("ON_CALL"))
			.get()
			.uri("/api/on-call/schedules/network")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rotation.kind")
			.isEqualTo("DAILY")
			.jsonPath("$.rotation.members[0]")
			.isEqualTo("avery-example")
			.jsonPath("$.escalation.steps[1].target")
			.isEqualTo("SUPERVISOR")
			.jsonPath("$.escalation.repeat")
			.isEqualTo(2);
	}

	@Test
	void unknownTeamIsANotFoundProblem() {
		given(this.directory.team("nope")).willReturn(Mono.empty());

		this.client.mutateWith(role("SUPERVISOR"))
			.get()
			.uri("/api/on-call/schedules/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void onlySupervisorsChangeASchedule() {
		this.client.mutateWith(role("ON_CALL"))
			.put()
			.uri("/api/on-call/schedules/network")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(SCHEDULE)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.schedules).should(never()).replace(any(), any(), any());

		given(this.schedules.replace(eq("network"), any(), eq("morgan-example")))
			.willReturn(Mono.just(DemoNetworkSeeder.NETWORK_TEAM));
		this.client.mutateWith(supervisor("morgan-example"))
			.put()
			.uri("/api/on-call/schedules/network")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(SCHEDULE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.team")
			.isEqualTo("network")
			.jsonPath("$.supervisors[0]")
			.isEqualTo("morgan-example");
		then(this.schedules).should().replace(eq("network"), any(), eq("morgan-example"));
	}

	@Test
	void aSupervisorOfAnotherTeamIsAForbiddenProblem() {
		given(this.schedules.replace(eq("network"), any(), eq("quinn-example")))
			.willReturn(Mono.error(new ForbiddenException("Only this team's supervisors may change its schedule.")));

		this.client.mutateWith(supervisor("quinn-example"))
			.put()
			.uri("/api/on-call/schedules/network")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(SCHEDULE)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/forbidden")
			.jsonPath("$.detail")
			.isEqualTo("Only this team's supervisors may change its schedule.");
	}

	@Test
	void supervisorsReadTheChangesOfASchedule() {
		TeamDocument before = DemoNetworkSeeder.NETWORK_TEAM;
		ScheduleSnapshot after = new ScheduleSnapshot("morgan-example",
				new TeamDocument.StoredRotation("2026-01-05", "08:00", "America/New_York", 1, List.of("riley-example")),
				List.of(), before.escalation());
		ScheduleChange change = new ScheduleChange("c-1", "network", "morgan-example", SINCE, 1,
				List.of("rotation.members"), ScheduleSnapshot.of(before), after);
		given(this.directory.team("network")).willReturn(Mono.just(before));
		given(this.changes.of("network", OnCallController.DEFAULT_CHANGES)).willReturn(Flux.just(change));

		this.client.mutateWith(supervisor("quinn-example"))
			.get()
			.uri("/api/on-call/schedules/network/changes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo("c-1")
			.jsonPath("$[0].team")
			.isEqualTo("network")
			.jsonPath("$[0].changedBy")
			.isEqualTo("morgan-example")
			.jsonPath("$[0].changedAt")
			.isEqualTo("2026-11-24T13:00:00Z")
			.jsonPath("$[0].revision")
			.isEqualTo(1)
			.jsonPath("$[0].changed[0]")
			.isEqualTo("rotation.members")
			.jsonPath("$[0].before.rotation.members.length()")
			.isEqualTo(3)
			.jsonPath("$[0].after.rotation.members[0]")
			.isEqualTo("riley-example")
			.jsonPath("$[0].after.rotation.kind")
			.isEqualTo("DAILY")
			.jsonPath("$[0].after.escalation.steps[1].target")
			.isEqualTo("SUPERVISOR");
	}

	@Test
	void changesAreForSupervisorsOnlyAndValidated() {
		this.client.mutateWith(role("ON_CALL"))
			.get()
			.uri("/api/on-call/schedules/network/changes")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.mutateWith(supervisor("morgan-example"))
			.get()
			.uri("/api/on-call/schedules/network/changes?limit=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
		given(this.directory.team("nope")).willReturn(Mono.empty());
		this.client.mutateWith(supervisor("morgan-example"))
			.get()
			.uri("/api/on-call/schedules/nope/changes")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.changes).should(never()).of(any(), anyInt());
	}

	private static EscalationStep step(EscalationTarget target) {
		return new EscalationStep(target, null, null, Duration.ofMinutes(10));
	}

	private static JwtMutator role(String role) {
		return mockJwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

	private static JwtMutator supervisor(String staffId) {
		return mockJwt().jwt((jwt) -> jwt.subject(staffId)).authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR"));
	}

}
