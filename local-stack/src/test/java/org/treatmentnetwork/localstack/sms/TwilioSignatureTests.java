package org.treatmentnetwork.localstack.sms;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureTests {

	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

	@Test
	void twiliosDocumentedExample() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("CallSid", "CA1234567890ABCDE");
		params.put("Caller", "+14158675309");
		params.put("Digits", "1234");
		params.put("From", "+14158675309");
		params.put("To", "+18005551212");

		assertThat(TwilioSignature.sign("12345", URL, params)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
	}

	@Test
	void parametersAreSortedByNameWhateverTheirOrder() throws Exception {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("To", "+12025550123");
		params.put("MessageStatus", "delivered");
		params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
		params.put("Body", "Ack K7MQ-4XPA & more: é");

		String expected = hmacSha1("token",
				"http://127.0.0.1:8083/api/paging/twilio/message-status?delivery=d-1"
						+ "AccountSidAC0123456789abcdef0123456789abcdef" + "BodyAck K7MQ-4XPA & more: é"
						+ "MessageStatusdelivered" + "To+12025550123");

		assertThat(TwilioSignature.sign("token", "http://127.0.0.1:8083/api/paging/twilio/message-status?delivery=d-1",
				params))
			.isEqualTo(expected);
	}

	@Test
	void withoutParametersOnlyTheUrlIsSigned() throws Exception {
		assertThat(TwilioSignature.sign("token", URL, Map.of())).isEqualTo(hmacSha1("token", URL));
	}

	@Test
	void theUrlTheTokenAndEveryParameterCount() {
		Map<String, String> params = Map.of("Digits", "1", "CallSid", "CA1");
		String signature = TwilioSignature.sign("token", "http://localhost:8080/gather?delivery=1", params);

		assertThat(TwilioSignature.matches("token", "http://localhost:8080/gather?delivery=1", params, signature))
			.isTrue();
		assertThat(TwilioSignature.matches("token", "http://localhost:8080/gather?delivery=2", params, signature))
			.isFalse();
		assertThat(TwilioSignature.matches("token", "http://localhost:80/gather?delivery=1", params, signature))
			.isFalse();
		assertThat(TwilioSignature.matches("other", "http://localhost:8080/gather?delivery=1", params, signature))
			.isFalse();
		assertThat(TwilioSignature.matches("token", "http://localhost:8080/gather?delivery=1",
				Map.of("Digits", "2", "CallSid", "CA1"), signature))
			.isFalse();
		assertThat(TwilioSignature.matches("token", "http://localhost:8080/gather?delivery=1", params, null)).isFalse();
	}

	private static String hmacSha1(String key, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

}
