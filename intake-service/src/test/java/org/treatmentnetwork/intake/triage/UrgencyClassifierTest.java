package org.treatmentnetwork.intake.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrgencyClassifierTest {

	private final UrgencyClassifier classifier = new UrgencyClassifier();

	@ParameterizedTest
	@ValueSource(strings = { "My brother overdosed an hour ago", "I think she is OVERDOSING",
			"he OD'd last night and again today", "I'm scared I'll OD", "He's not breathing right", "she won't wake up",
			"his lips are blue", "I have been thinking about suicide", "I feel suicidal", "I want to kill myself",
			"I don't want to live anymore", "I\u2019m going to end my life", "I keep hurting myself",
			"we are in immediate danger", "My dad is in danger right now", "mi hermano tuvo una sobredosis",
			"Mi hijo no respira", "quiero quitarme la vida", "Me quiero morir", "pensé en el suicidio",
			"estamos en peligro inmediato" })
	void crisis(String message) {
		assertThat(this.classifier.classify(message)).isEqualTo(Urgency.CRISIS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "I'm in withdrawal and can't stop shaking", "Withdrawals are killing me", "I am dope sick",
			"been dopesick since yesterday", "I'm sick right now, need help", "My son is in danger, please call",
			"quitting cold turkey", "tengo síntomas de abstinencia", "tengo malilla", "mi esposo está en peligro" })
	void high(String message) {
		assertThat(this.classifier.classify(message)).isEqualTo(Urgency.HIGH);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "I would like information about methadone programs",
			"Looking for an outpatient center near Dallas", "Thank God for this website", "please call after 6pm",
			"I want to help my friend with her recovery", "quiero información sobre tratamiento",
			"Does insurance cover buprenorphine?", "I work in a method-acting studio" })
	void routine(String message) {
		assertThat(this.classifier.classify(message)).isEqualTo(Urgency.ROUTINE);
	}

	@Test
	void crisisWinsOverHigh() {
		assertThat(this.classifier.classify("I'm dope sick and I want to die")).isEqualTo(Urgency.CRISIS);
	}

	@Test
	void matchesWholeWordsOnly() {
		assertThat(this.classifier.classify("the method and the period")).isEqualTo(Urgency.ROUTINE);
		assertThat(this.classifier.classify("withdrawalsymptoms")).isEqualTo(Urgency.ROUTINE);
	}

	@Test
	void spansLineBreaksAndExtraSpaces() {
		assertThat(this.classifier.classify("he is not\n   breathing")).isEqualTo(Urgency.CRISIS);
	}

}
