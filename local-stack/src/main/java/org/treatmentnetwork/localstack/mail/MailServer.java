package org.treatmentnetwork.localstack.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives staff e-mail over SMTP and writes every message to a folder as an {@code .eml}
 * file, so that a developer can open what on-call staff were sent
 * ({@link MailFolderWriter}). Arguments: {@code HOST PORT MAIL_DIR}.
 */
public final class MailServer {

	private static final Logger log = LoggerFactory.getLogger(MailServer.class);

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
		MailFolderWriter writer = new MailFolderWriter(greenMail, mailDir);
		while (stopped.getCount() > 0) {
			try {
				writer.writeNew();
			}
			catch (Exception ex) {
				// the messages stay in the server for the next pass
				log.warn("could not go through the received messages: {}", ex.toString());
			}
			Thread.sleep(200);
		}
	}

}
