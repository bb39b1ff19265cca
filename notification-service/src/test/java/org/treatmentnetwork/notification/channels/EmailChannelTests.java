package org.treatmentnetwork.notification.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail pages against a GreenMail SMTP server: connections are kept and reused, every
 * page arrives once, and a kept connection the server dropped costs no page.
 */
class EmailChannelTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	// A fixed port, so that the server comes back on it after a restart.
	@RegisterExtension
	final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Test
	void pagesSentOneAfterTheOtherShareOneConnectionAndEachArrivesOnce() throws MessagingException {
		EmailChannel channel = channel(4);

		for (int i = 0; i < 5; i++) {
			channel.send("avery-example", page("REF-" + i)).block(TIMEOUT);
		}

		assertThat(channel.connectionsOpened()).isEqualTo(1);
		assertThat(subjects()).containsExactlyInAnyOrder("Page REF-0", "Page REF-1", "Page REF-2", "Page REF-3",
				"Page REF-4");
		channel.destroy();
	}

	@Test
	void aKeptConnectionTheServerDroppedIsReplacedWithoutLosingThePage() throws MessagingException {
		EmailChannel channel = channel(4);
		channel.send("avery-example", page("BEFORE")).block(TIMEOUT);
		assertThat(subjects()).containsExactly("Page BEFORE");

		// The server restarts: the kept connection is dead, and the received mail is
		// cleared.
		this.greenMail.reset();
		channel.send("avery-example", page("AFTER")).block(TIMEOUT);

		assertThat(subjects()).containsExactly("Page AFTER");
		assertThat(channel.connectionsOpened()).isEqualTo(2);
		channel.destroy();
	}

	@Test
	void withoutKeptConnectionsEveryPageOpensItsOwn() throws MessagingException {
		EmailChannel channel = channel(0);

		for (int i = 0; i < 3; i++) {
			channel.send("avery-example", page("OWN-" + i)).block(TIMEOUT);
		}

		assertThat(channel.connectionsOpened()).isEqualTo(3);
		assertThat(subjects()).hasSize(3).doesNotHaveDuplicates();
	}

	private EmailChannel channel(int maxIdle) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(this.greenMail.getSmtp().getBindTo());
		sender.setPort(this.greenMail.getSmtp().getPort());
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		properties.put("mail.smtp.writetimeout", "5000");
		sender.setJavaMailProperties(properties);
		ChannelSettings settings = new ChannelSettings(Duration.ofSeconds(10), 1, Duration.ofMillis(100), 50, 5,
				Duration.ofSeconds(30), 100, Duration.ofMinutes(1), null);
		return new EmailChannel(sender, new SmtpConnectionProperties(maxIdle, Duration.ofSeconds(30)),
				"alerts@treatment-network.test", new ChannelProperties(settings, settings, settings, settings),
				Clock.systemUTC());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static AlertMessage page(String reference) {
		return new AlertMessage("avery.example@staff.treatment-network.test", "Page " + reference,
				"Reference " + reference, "Page " + reference, Map.of("reference", reference));
	}

	private List<String> subjects() throws MessagingException {
		MimeMessage[] received = this.greenMail.getReceivedMessages();
		return Arrays.stream(received).map(EmailChannelTests::subject).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
