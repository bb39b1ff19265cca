package org.treatmentnetwork.localstack.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local SMTP server's folder of received mail, through SMTP: every message written
 * once, and nothing kept in the server once written.
 */
class MailFolderWriterTests {

	@TempDir
	Path mailDir;

	private GreenMail greenMail;

	private int port;

	@BeforeEach
	void start() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		this.greenMail = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.greenMail.start();
	}

	@AfterEach
	void stop() {
		this.greenMail.stop();
	}

	@Test
	void writesEachMessageOnceAndKeepsNothingInTheServer() throws Exception {
		MailFolderWriter writer = new MailFolderWriter(this.greenMail, this.mailDir);
		send("Alert K7MQ-4XPA", "nurse-1@example.test");
		send("Alert K7MQ-4XPB", "nurse-1@example.test", "supervisor@example.test");

		assertThat(writer.writeNew()).isEqualTo(2);
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
		assertThat(subjects()).containsExactlyInAnyOrder("Alert K7MQ-4XPA", "Alert K7MQ-4XPB");

		send("Alert K7MQ-4XPC", "nurse-2@example.test");
		assertThat(writer.writeNew()).isEqualTo(1);
		assertThat(writer.writeNew()).isZero();
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
		assertThat(subjects()).hasSize(3).contains("Alert K7MQ-4XPC");

		// a copy of a written message reaching another mailbox after the pass: not again
		MimeMessage copy = message("Alert K7MQ-4XPD", "nurse-3@example.test");
		copy.saveChanges();
		this.greenMail.setUser("nurse-3@example.test", "nurse-3@example.test", "secret");
		this.greenMail.setUser("nurse-4@example.test", "nurse-4@example.test", "secret");
		deliver("nurse-3@example.test", copy);
		assertThat(writer.writeNew()).isEqualTo(1);
		deliver("nurse-4@example.test", copy);
		assertThat(writer.writeNew()).isZero();
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
		assertThat(subjects()).hasSize(4).contains("Alert K7MQ-4XPD");
	}

	private void deliver(String user, MimeMessage message) throws Exception {
		MailFolder inbox = this.greenMail.getManagers()
			.getImapHostManager()
			.getInbox(this.greenMail.getManagers().getUserManager().getUserByEmail(user));
		inbox.store(message);
	}

	private void send(String subject, String... recipients) throws Exception {
		Transport.send(message(subject, recipients));
	}

	private MimeMessage message(String subject, String... recipients) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", Integer.toString(this.port));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("alerts@treatment-network.test"));
		for (String recipient : recipients) {
			message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
		}
		message.setSubject(subject);
		message.setText("A contact request is waiting.");
		return message;
	}

	private List<String> subjects() throws IOException {
		try (Stream<Path> files = Files.list(this.mailDir)) {
			return files.map((file) -> {
				try {
					return Files.readAllLines(file)
						.stream()
						.filter((line) -> line.startsWith("Subject: "))
						.findFirst()
						.orElseThrow()
						.substring("Subject: ".length());
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
	}

}
