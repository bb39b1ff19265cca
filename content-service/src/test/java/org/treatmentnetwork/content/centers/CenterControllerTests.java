package org.treatmentnetwork.content.centers;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.content.security.SecurityConfiguration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The center finder's parameters and errors.
 */
@WebFluxTest(CenterController.class)
@Import(SecurityConfiguration.class)
class CenterControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private CenterCatalog catalog;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void searchesNearAPointWithoutAToken() {
		Center center = new Center("harbor-point-baltimore", "Harbor Point Treatment Center (demo)",
				"600 Example Pier Road, Baltimore, MD 21202", "(410) 555-0106", new Center.Location(39.285, -76.605),
				List.of(CenterService.MAT_METHADONE), 0.8, "Baltimore", "MD", "24/7", List.of(PaymentOption.MEDICAID),
				List.of("en"), true, MethadoneAccess.ON_SITE);
		given(this.catalog.near(any(), anyDouble(), any(), anyInt())).willReturn(Mono.just(List.of(center)));

		this.client.get()
			.uri("/api/content/centers?near=39.29,-76.61&radiusKm=25&service=mat_methadone")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo("harbor-point-baltimore")
			.jsonPath("$[0].distanceKm")
			.isEqualTo(0.8)
			.jsonPath("$[0].location.lat")
			.isEqualTo(39.285)
			.jsonPath("$[0].services[0]")
			.isEqualTo("MAT_METHADONE")
			.jsonPath("$[0].opioidTreatmentProgram")
			.isEqualTo(true)
			.jsonPath("$[0].methadoneAccess")
			.isEqualTo("ON_SITE");

		then(this.catalog).should().near(new GeoPoint(39.29, -76.61), 25.0, CenterService.MAT_METHADONE, 20);
	}

	@Test
	void defaultsTheRadius() {
		given(this.catalog.near(any(), anyDouble(), any(), anyInt())).willReturn(Mono.just(List.of()));

		this.client.get().uri("/api/content/centers?near=39.29,-76.61").exchange().expectStatus().isOk();

		then(this.catalog).should().near(new GeoPoint(39.29, -76.61), CenterController.DEFAULT_RADIUS_KM, null, 20);
	}

	@Test
	void badParametersAreValidationProblems() {
		List<String[]> cases = List.of(new String[] { "near=abc", "near" }, new String[] { "near=95,10", "near" },
				new String[] { "near=39.29", "near" }, new String[] { "near=39.29,-76.61&radiusKm=0", "radiusKm" },
				new String[] { "near=39.29,-76.61&radiusKm=5000", "radiusKm" },
				new String[] { "near=39.29,-76.61&radiusKm=far", "radiusKm" },
				new String[] { "radiusKm=10", "radiusKm" }, new String[] { "service=ACUPUNCTURE", "service" },
				new String[] { "limit=51", "limit" });
		for (String[] testCase : cases) {
			this.client.get()
				.uri("/api/content/centers?" + testCase[0])
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://treatment-network.example/problems/validation")
				.jsonPath("$.errors[0].field")
				.isEqualTo(testCase[1]);
		}
		then(this.catalog).shouldHaveNoInteractions();
	}

}
