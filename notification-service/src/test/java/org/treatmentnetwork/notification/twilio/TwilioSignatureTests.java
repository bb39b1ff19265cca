package org.treatmentnetwork.notification.twilio;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureTests {

	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

	private static final Map<String, List<String>> PARAMETERS = Map.of("CallSid", List.of("CA1234567890ABCDE"),
			"Caller", List.of("+14158675309"), "Digits", List.of("1234"), "From", List.of("+14158675309"), "To",
			List.of("+18005551212"));

	@Test
	void matchesTwiliosPublishedExample() {
		assertThat(TwilioSignature.sign("12345", URL, PARAMETERS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
		assertThat(TwilioSignature.verify("12345", URL, PARAMETERS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
	}

	@Test
	void refusesAMissingSignatureAWrongKeyAnAlteredParameterAndAnotherUrl() {
		String signature = TwilioSignature.sign("12345", URL, PARAMETERS);
		Map<String, List<String>> altered = new java.util.HashMap<>(PARAMETERS);
		altered.put("Digits", List.of("2"));

		assertThat(TwilioSignature.verify("12345", URL, PARAMETERS, null)).isFalse();
		assertThat(TwilioSignature.verify("12345", URL, PARAMETERS, "")).isFalse();
		assertThat(TwilioSignature.verify("54321", URL, PARAMETERS, signature)).isFalse();
		assertThat(TwilioSignature.verify("12345", URL, altered, signature)).isFalse();
		assertThat(
				TwilioSignature.verify("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", PARAMETERS, signature))
			.isFalse();
		assertThat(TwilioSignature.verify("12345", "http://internal:8083/myapp.php?foo=1&bar=2", PARAMETERS, signature))
			.isFalse();
		// Without a token nothing can be verified, so nothing is accepted.
		assertThat(TwilioSignature.verify("", URL, PARAMETERS, signature)).isFalse();
	}

}
