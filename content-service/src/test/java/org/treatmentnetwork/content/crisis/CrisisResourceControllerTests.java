package org.treatmentnetwork.content.crisis;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.content.locales.LocalesConfiguration;
import org.treatmentnetwork.content.security.SecurityConfiguration;

/**
 * The crisis lines come from the packaged configuration, need no token and no database.
 */
@WebFluxTest(CrisisResourceController.class)
@Import({ SecurityConfiguration.class, LocalesConfiguration.class })
@EnableConfigurationProperties(CrisisProperties.class)
class CrisisResourceControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void servesTheThreeCrisisLinesWithTheirExactNumbers() {
		this.client.get()
			.uri("/api/content/crisis-resources")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(3)
			.jsonPath("$[0].name")
			.isEqualTo("988 Suicide & Crisis Lifeline")
			.jsonPath("$[0].phone")
			.isEqualTo("988")
			.jsonPath("$[0].sms")
			.isEqualTo("988")
			.jsonPath("$[0].url")
			.isEqualTo("https://988lifeline.org")
			.jsonPath("$[0].hours")
			.isEqualTo("24/7")
			.jsonPath("$[0].description")
			.value((String description) -> org.assertj.core.api.Assertions.assertThat(description)
				.contains("24/7", "press 2", "text AYUDA to 988"))
			.jsonPath("$[1].name")
			.isEqualTo("SAMHSA National Helpline")
			.jsonPath("$[1].phone")
			.isEqualTo("1-800-662-4357")
			.jsonPath("$[1].sms")
			.isEqualTo("435748")
			.jsonPath("$[1].description")
			.value((String description) -> org.assertj.core.api.Assertions.assertThat(description)
				.contains("TTY 1-800-487-4889", "English and Spanish", "ZIP code", "text messages in English only"))
			.jsonPath("$[2].name")
			.isEqualTo("Emergency 911")
			.jsonPath("$[2].phone")
			.isEqualTo("911")
			.jsonPath("$[2].description")
			.value((String description) -> org.assertj.core.api.Assertions.assertThat(description)
				.contains("naloxone"));
	}

	@Test
	void theSpanishLinesSayHowToReachThemInSpanish() {
		this.client.get()
			.uri("/api/content/crisis-resources?locale=es")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(3)
			.jsonPath("$[0].phone")
			.isEqualTo("988")
			.jsonPath("$[0].url")
			.isEqualTo("https://988lifeline.org/es/home/")
			.jsonPath("$[0].description")
			.value((String description) -> org.assertj.core.api.Assertions.assertThat(description)
				.contains("marque 2 para hablar en español", "AYUDA", "las 24 horas"))
			.jsonPath("$[1].sms")
			.isEqualTo("435748")
			.jsonPath("$[1].description")
			.value((String description) -> org.assertj.core.api.Assertions.assertThat(description)
				.contains("en inglés y en español", "435748 (HELP4U)", "solo en inglés"))
			.jsonPath("$[2].phone")
			.isEqualTo("911");
	}

}
