package org.treatmentnetwork.content.tracing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TraceIdsTests {

	@Test
	void aValidTraceparentGivesItsTraceId() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.build();

		assertThat(TraceIds.logSuffix(request)).isEqualTo(" trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void noTraceparentGivesNothing() {
		assertThat(TraceIds.logSuffix(MockServerHttpRequest.get("/").build())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\nforged=line" })
	void anInvalidTraceparentIsIgnoredSoNothingForeignReachesTheLog(String traceparent) {
		MockServerHttpRequest request = MockServerHttpRequest.get("/").header("traceparent", traceparent).build();

		assertThat(TraceIds.logSuffix(request)).isEmpty();
	}

}
