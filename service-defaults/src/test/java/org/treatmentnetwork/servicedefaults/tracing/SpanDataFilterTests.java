package org.treatmentnetwork.servicedefaults.tracing;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanDataFilterTests {

	private final SpanDataFilter filter = new SpanDataFilter();

	@Test
	void queryStringsAndLinkTokensNeverReachASpan() {
		Observation.Context context = new Observation.Context();
		context.addHighCardinalityKeyValue(KeyValue.of("http.url", "/api/content/articles?q=my+son+heroin"));
		context.addHighCardinalityKeyValue(
				KeyValue.of("http.uri", "http://localhost:8083/api/alerts/ack/6650f0c2.avery.1795000000.Zk3?x=1#y"));
		context.addHighCardinalityKeyValue(KeyValue.of("db.name", "intake"));

		this.filter.map(context);

		assertThat(context.getHighCardinalityKeyValue("http.url").getValue()).isEqualTo("/api/content/articles");
		assertThat(context.getHighCardinalityKeyValue("http.uri").getValue())
			.isEqualTo("http://localhost:8083/api/alerts/ack/{token}");
		assertThat(context.getHighCardinalityKeyValue("db.name").getValue()).isEqualTo("intake");
	}

	@Test
	void otherAddressesStayAsTheyAre() {
		assertThat(SpanDataFilter.masked("/api/alerts/K7MQ/acknowledge")).isEqualTo("/api/alerts/K7MQ/acknowledge");
		assertThat(SpanDataFilter.masked("/api/alerts/ack/t/confirm")).isEqualTo("/api/alerts/ack/{token}/confirm");
		assertThat(SpanDataFilter.masked("")).isEmpty();
	}

}
