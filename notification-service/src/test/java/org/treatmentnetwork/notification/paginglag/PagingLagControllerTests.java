package org.treatmentnetwork.notification.paginglag;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.security.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

/**
 * {@code GET /api/alerts/paging-lag}: the last measurement for supervisors and on-call
 * staff, nobody else.
 */
@WebFluxTest(controllers = PagingLagController.class)
@Import(SecurityConfiguration.class)
class PagingLagControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private PagingLag lag;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void aSupervisorReadsTheLagAndTheWarning() {
		given(this.lag.report()).willReturn(new PagingLagReport(Instant.parse("2030-01-01T00:01:30Z"), 2,
				Instant.parse("2030-01-01T00:00:00Z"), 90.0, "Paging is 1 min 30 s behind: ..."));

		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))
			.get()
			.uri("/api/alerts/paging-lag")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.unpagedAlerts")
			.isEqualTo(2)
			.jsonPath("$.oldestUnpagedSince")
			.isEqualTo("2030-01-01T00:00:00Z")
			.jsonPath("$.lagSeconds")
			.isEqualTo(90.0)
			.jsonPath("$.measuredAt")
			.isEqualTo("2030-01-01T00:01:30Z")
			.jsonPath("$.warning")
			.isEqualTo("Paging is 1 min 30 s behind: ...");
	}

	@Test
	void anIntakeAgentIsForbidden() {
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_INTAKE_AGENT")))
			.get()
			.uri("/api/alerts/paging-lag")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.lag);
	}

}
