package org.treatmentnetwork.localstack.sms;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonTests {

	@Test
	void whatIsWrittenReadsBackTheSame() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("sid", "SM0123");
		document.put("body", "Line one\nquote \" backslash \\ tab \t control \u0001 é \u2028");
		document.put("error_code", null);
		document.put("count", 3L);
		document.put("ok", true);
		document.put("ratio", 0.5);
		document.put("statuses", List.of(Map.of("status", "queued"), Map.of("status", "sent")));
		document.put("empty", List.of());
		document.put("nothing", Map.of());

		assertThat(Json.parse(Json.write(document))).isEqualTo(document);
		assertThat(Json.parse(Json.writePretty(document))).isEqualTo(document);
		assertThat(Json.write(document)).doesNotContain("\n");
	}

	@Test
	void readsWhatOthersWrite() {
		assertThat(Json.parseObject(" { \"from\" : \"+12025550123\", \"body\":\"1\", \"n\": -12, \"x\": 1e3,"
				+ " \"u\": \"\\u00e9\\/\" } "))
			.containsEntry("from", "+12025550123")
			.containsEntry("body", "1")
			.containsEntry("n", -12L)
			.containsEntry("x", 1000.0)
			.containsEntry("u", "é/");
	}

	@Test
	void refusesWhatIsNotJson() {
		for (String text : List.of("", "{", "{\"a\":}", "[1,]", "{\"a\":1} x", "\"open", "01", "{'a':1}", "tru")) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> Json.parse(text));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject("[1]"));
		char[] deep = new char[100];
		Arrays.fill(deep, '[');
		assertThatIllegalArgumentException().isThrownBy(() -> Json.parse(new String(deep)));
	}

}
