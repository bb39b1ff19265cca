package org.treatmentnetwork.content.approaches;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.content.locales.LocalesConfiguration;
import org.treatmentnetwork.content.security.SecurityConfiguration;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The public treatment-approach list.
 */
@WebFluxTest(TreatmentApproachController.class)
@Import({ SecurityConfiguration.class, LocalesConfiguration.class })
class TreatmentApproachControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private TreatmentApproachCatalog catalog;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void listsApproachesWithoutAToken() {
		given(this.catalog.list("en"))
			.willReturn(Mono.just(List.of(new TreatmentApproach("medical-detox", "Medical detox",
					"Supervised withdrawal.", "## What happens", List.of("buprenorphine", "methadone"), "en", false))));

		this.client.get()
			.uri("/api/content/treatment-approaches?locale=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].key")
			.isEqualTo("medical-detox")
			.jsonPath("$[0].medications[0]")
			.isEqualTo("buprenorphine")
			.jsonPath("$[0].id")
			.doesNotExist();
	}

	@Test
	void unsupportedLocaleIsABadRequest() {
		this.client.get()
			.uri("/api/content/treatment-approaches?locale=xx")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("locale");

		then(this.catalog).shouldHaveNoInteractions();
	}

	@Test
	void regionalSpanishIsSpanish() {
		given(this.catalog.list(anyString())).willReturn(Mono.just(List.of()));

		this.client.get().uri("/api/content/treatment-approaches?locale=es-MX").exchange().expectStatus().isOk();

		then(this.catalog).should().list("es");
	}

	@Test
	void databaseOutageIsServiceUnavailable() {
		given(this.catalog.list(anyString()))
			.willReturn(Mono.error(new DataAccessResourceFailureException("no server")));

		this.client.get()
			.uri("/api/content/treatment-approaches")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
