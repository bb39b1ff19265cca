package org.treatmentnetwork.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Swagger UI at {@code /api/docs}: open to anyone, served with a policy of its own,
 * and reading each service's OpenAPI document through the gateway. That the documents
 * list every operation of {@code docs/api.md} is checked against the real services by the
 * system tests.
 */
class ApiDocsTests extends GatewayTestSupport {

	@Test
	void theUiIsPublicAndListsTheThreeServicesDocuments() {
		this.gateway.get()
			.uri("/api/docs/openapi/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].name")
			.isEqualTo(List.of("content-service", "intake-service", "notification-service"))
			.jsonPath("$.urls[*].url")
			.isEqualTo(List.of("/api/docs/content-service.json", "/api/docs/intake-service.json",
					"/api/docs/notification-service.json"));
	}

	@Test
	void theUiPageIsServedWithoutATokenUnderItsOwnPolicy() {
		String location = this.gateway.get()
			.uri("/api/docs")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.LOCATION);
		assertThat(location).isEqualTo("/api/docs/swagger-ui/index.html");
		this.gateway.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value("Content-Security-Policy",
					(policy) -> assertThat(policy).startsWith("default-src 'none'")
						.contains("script-src 'self'")
						.doesNotContain("unsafe-inline"));
	}

	@Test
	void eachServicesDocumentIsReadThroughItsRoute() {
		this.gateway.get().uri("/api/docs/intake-service.json").exchange().expectStatus().isOk();
		this.gateway.get().uri("/api/docs/content-service.json").exchange().expectStatus().isOk();
		this.gateway.get().uri("/api/docs/notification-service.json").exchange().expectStatus().isOk();
		assertThat(INTAKE.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/v3/api-docs"));
		assertThat(CONTENT.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/v3/api-docs"));
		assertThat(NOTIFICATION.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/v3/api-docs"));
	}

	@Test
	void theUiAnswersHeadWithoutAToken() {
		this.gateway.head().uri("/api/docs/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

	@Test
	void writingToTheDocumentationIsRefused() {
		this.gateway.post().uri("/api/docs/intake-service.json").exchange().expectStatus().is4xxClientError();
	}

}
