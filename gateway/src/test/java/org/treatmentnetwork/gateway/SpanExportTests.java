package org.treatmentnetwork.gateway;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.servicedefaults.tracing.CapturingSpanExporter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway's spans would tell a tracing backend: the requests' addresses, never a
 * one-click link's token or a query string (what a person searched for).
 */
@Import(SpanExportTests.CapturedSpans.class)
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
class SpanExportTests extends GatewayTestSupport {

	static final CapturingSpanExporter EXPORTED = new CapturingSpanExporter();

	@Test
	void noSpanKeepsALinkTokenOrAQueryString() {
		this.gateway.get().uri("/api/alerts/ack/secret-link-token-4711").exchange();
		this.gateway.get().uri("/api/content/articles?q=heroin-withdrawal-at-home").exchange();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> attributeValues().stream()
				.filter((value) -> value.contains("/api/alerts/ack/{token}"))
				.count() >= 2
					&& attributeValues().stream().anyMatch((value) -> value.endsWith("/api/content/articles")));
		assertThat(attributeValues()).noneMatch((value) -> value.contains("secret-link-token-4711"))
			.noneMatch((value) -> value.contains("heroin"));
		assertThat(EXPORTED.spans()).extracting(SpanData::getName)
			.noneMatch((name) -> name.contains("secret-link-token"));
	}

	private static List<String> attributeValues() {
		return EXPORTED.spans()
			.stream()
			.flatMap((span) -> span.getAttributes().asMap().values().stream())
			.map(String::valueOf)
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CapturedSpans {

		@Bean
		SpanExporter capturingSpanExporter() {
			return EXPORTED;
		}

	}

}
