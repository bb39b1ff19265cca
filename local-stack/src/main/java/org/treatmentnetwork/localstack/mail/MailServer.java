package org.treatmentnetwork.localstack.mail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives staff e-mail over SMTP and writes every message to a folder as an {@code .eml}
 * file, so that a developer can open what on-call staff were sent. Arguments:
 * {@code HOST PORT MAIL_DIR}.
 */
public final class MailServer {

	private static final Logger log = LoggerFactory.getLogger(MailServer.class);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private MailServer() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: MailServer HOST PORT MAIL_DIR");
			System.exit(2);
		}
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		Path mailDir = Path.of(args[2]).toAbsolutePath();
		Files.createDirectories(mailDir);
		GreenMail greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			greenMail.stop();
			stopped.countDown();
		}, "mail-shutdown"));
		greenMail.start();
		log.info("SMTP server listening on {}:{}, messages saved in {}", host, port, mailDir);
		// GreenMail lists received messages grouped by mailbox, not in arrival order, so
		// new
		// messages are recognised by their Message-ID rather than by position. A message
		// sent
		// to several recipients is saved once.
		Set<String> saved = new HashSet<>();
		int count = 0;
		while (stopped.getCount() > 0) {
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				if (!saved.add(idOf(message))) {
					continue;
				}
				count++;
				Path file = mailDir.resolve(FILE_TIME.format(LocalDateTime.now()) + "-" + count + ".eml");
				try (OutputStream out = Files.newOutputStream(file)) {
					message.writeTo(out);
				}
				log.info("received message {} for {}", count, Arrays.toString(message.getAllRecipients()));
			}
			Thread.sleep(200);
		}
	}

	private static String idOf(MimeMessage message) throws MessagingException {
		String id = message.getMessageID();
		return (id != null) ? id : "identity-" + System.identityHashCode(message);
	}

}
