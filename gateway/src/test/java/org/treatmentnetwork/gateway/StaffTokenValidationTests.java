package org.treatmentnetwork.gateway;

import com.nimbusds.jwt.JWTClaimsSet;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenRulesContract;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule a staff token must meet besides its signature
 * ({@link StaffTokenRulesContract}), sent through the gateway's real HTTP port as an
 * intake agent reading the queue. An accepted token reaches intake unchanged; a refused
 * token never reaches a service.
 */
class StaffTokenValidationTests extends GatewayTestSupport implements StaffTokenRulesContract {

	@Override
	public WebTestClient client() {
		return this.gateway;
	}

	@Override
	public String protectedPath() {
		return "/api/intake/queue";
	}

	@Override
	public HttpStatus acceptedStatus() {
		return HttpStatus.OK;
	}

	@Override
	public JWTClaimsSet.Builder validClaims() {
		return TOKENS.claims("INTAKE_AGENT");
	}

	@Override
	public void afterAccepted(String token) {
		assertThat(INTAKE.requests()).singleElement()
			.satisfies((request) -> assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION))
				.isEqualTo("Bearer " + token));
	}

	@Override
	public void afterRefused(String token) {
		assertThat(allRequests()).isEmpty();
	}

}
