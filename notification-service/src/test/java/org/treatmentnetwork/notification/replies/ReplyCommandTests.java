package org.treatmentnetwork.notification.replies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyCommandTests {

	@ParameterizedTest
	@ValueSource(strings = { "1", "ack", "ACK", " Ack. ", "ok", "acknowledge" })
	void acknowledgesTheOneOpenAlert(String body) {
		assertThat(ReplyCommand.parse(body)).isEqualTo(new ReplyCommand(ReplyCommand.Action.ACKNOWLEDGE, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ACK 4821", "ack 4821", "1 4821", "ACK  4821!" })
	void acknowledgesTheAlertOfACode(String body) {
		assertThat(ReplyCommand.parse(body)).isEqualTo(new ReplyCommand(ReplyCommand.Action.ACKNOWLEDGE, "4821"));
	}

	@Test
	void escalates() {
		assertThat(ReplyCommand.parse("esc")).isEqualTo(new ReplyCommand(ReplyCommand.Action.ESCALATE, null));
		assertThat(ReplyCommand.parse("ESC 4821")).isEqualTo(new ReplyCommand(ReplyCommand.Action.ESCALATE, "4821"));
		assertThat(ReplyCommand.parse("escalate")).isEqualTo(new ReplyCommand(ReplyCommand.Action.ESCALATE, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "2", "yes", "ACK 48", "ACK 48211", "ACK abcd", "on my way", "11" })
	void anythingElseAsksForHelp(String body) {
		assertThat(ReplyCommand.parse(body).action()).isEqualTo(ReplyCommand.Action.HELP);
	}

	@Test
	void noBodyAsksForHelp() {
		assertThat(ReplyCommand.parse(null).action()).isEqualTo(ReplyCommand.Action.HELP);
	}

}
