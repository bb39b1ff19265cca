package org.treatmentnetwork.localstack.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what the SMTP server received into a folder: each message is written as an
 * {@code .eml} file and then removed from the server's mailboxes, so that the server
 * holds only what arrived since the last pass (GreenMail keeps every message in memory,
 * and looking through all of them on every pass cost more with every page sent). A
 * message sent to several recipients lands in each one's mailbox and is written once,
 * recognised by its Message-ID among the last {@value #REMEMBERED} written.
 */
final class MailFolderWriter {

	private static final Logger log = LoggerFactory.getLogger(MailFolderWriter.class);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	static final int REMEMBERED = 10_000;

	private final GreenMail greenMail;

	private final Path mailDir;

	private final Set<String> written = Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > REMEMBERED;
		}

	});

	private int count;

	MailFolderWriter(GreenMail greenMail, Path mailDir) {
		this.greenMail = greenMail;
		this.mailDir = mailDir;
	}

	/**
	 * Writes every message received since the last pass and removes it from the server.
	 * @return how many files were written
	 */
	int writeNew() throws IOException, MessagingException, FolderException {
		int before = this.count;
		for (MailFolder folder : this.greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
			boolean taken = false;
			for (StoredMessage stored : folder.getNonDeletedMessages()) {
				MimeMessage message = stored.getMimeMessage();
				if (this.written.add(idOf(message))) {
					write(message);
				}
				stored.setFlag(Flags.Flag.DELETED, true);
				taken = true;
			}
			if (taken) {
				folder.expunge();
			}
		}
		return this.count - before;
	}

	private void write(MimeMessage message) throws IOException, MessagingException {
		this.count++;
		Path file = this.mailDir.resolve(FILE_TIME.format(LocalDateTime.now()) + "-" + this.count + ".eml");
		try (OutputStream out = Files.newOutputStream(file)) {
			message.writeTo(out);
		}
		log.info("received message {} for {}", this.count, Arrays.toString(message.getAllRecipients()));
	}

	private static String idOf(MimeMessage message) throws MessagingException {
		String id = message.getMessageID();
		return (id != null) ? id : "identity-" + System.identityHashCode(message);
	}

}
