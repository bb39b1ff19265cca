package org.treatmentnetwork.localstack.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TwiMLTests {

	@Test
	void readsWhatACallSaysAndTheKeyItWaitsFor() {
		TwiML twiml = TwiML.parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
				+ "<Gather action=\"http://localhost:8080/api/paging/twilio/gather?delivery=d&amp;x=1\" method=\"POST\""
				+ " numDigits=\"1\" timeout=\"10\"><Say>New contact request K7MQ-4XPA. Press 1 to acknowledge.</Say>"
				+ "<Say>Press &#39;1&#39;\n   to acknowledge.</Say></Gather><Say>No key was pressed. Goodbye.</Say>"
				+ "</Response>");

		assertThat(twiml.says()).containsExactly("New contact request K7MQ-4XPA. Press 1 to acknowledge.",
				"Press '1' to acknowledge.", "No key was pressed. Goodbye.");
		assertThat(twiml.spoken()).startsWith("New contact request K7MQ-4XPA.").endsWith("Goodbye.");
		assertThat(twiml.gather()).isEqualTo(
				new TwiML.Gather("http://localhost:8080/api/paging/twilio/gather?delivery=d&x=1", "POST", 1, 10));
		assertThat(twiml.messages()).isEmpty();
	}

	@Test
	void readsTheMessagesOfAnAnswer() {
		TwiML twiml = TwiML.parse("<Response><Message>Acknowledged K7MQ-4XPA.</Message>"
				+ "<Message to=\"+12025550199\"><Body>Also you</Body></Message></Response>");

		assertThat(twiml.messages()).containsExactly(new TwiML.MessageVerb("Acknowledged K7MQ-4XPA.", null),
				new TwiML.MessageVerb("Also you", "+12025550199"));
		assertThat(twiml.gather()).isNull();
		assertThat(TwiML.parse("  ").messages()).isEmpty();
		assertThat(TwiML.parse("<Response/>").spoken()).isEmpty();
	}

	@Test
	void refusesWhatIsNotTwimlAndNeverReadsEntities() {
		assertThatIllegalArgumentException().isThrownBy(() -> TwiML.parse("<Response><Say>open</Response>"));
		assertThatIllegalArgumentException().isThrownBy(() -> TwiML.parse("<Other/>"));
		assertThatIllegalArgumentException().isThrownBy(() -> TwiML.parse("not xml"));
		assertThatIllegalArgumentException().isThrownBy(() -> TwiML.parse("<?xml version=\"1.0\"?>"
				+ "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Response><Say>&x;</Say></Response>"));
	}

}
