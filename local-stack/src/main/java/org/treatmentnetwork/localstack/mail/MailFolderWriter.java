package org.treatmentnetwork.localstack.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * recognised by its Message-ID among the last {@value #REMEMBERED} written (a message
 * without one, which the services never send, is written once per mailbox). A file
 * appears complete or not at all: it is written under a temporary name, then moved into
 * place. A message that could not be written stays in the server for the next pass.
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
	int writeNew() throws MessagingException, FolderException {
		int before = this.count;
		for (MailFolder folder : this.greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
			boolean taken = false;
			for (StoredMessage stored : folder.getNonDeletedMessages()) {
				MimeMessage message = stored.getMimeMessage();
				String id = message.getMessageID();
				try {
					if (id == null || !this.written.contains(id)) {
						write(message);
					}
				}
				catch (IOException | MessagingException ex) {
					log.warn("could not write a received message to {}: {}", this.mailDir, ex.toString());
					continue;
				}
				if (id != null) {
					this.written.add(id);
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
		String name = FILE_TIME.format(LocalDateTime.now()) + "-" + this.count + ".eml";
		Path partial = this.mailDir.resolve(name + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			message.writeTo(out);
		}
		Files.move(partial, this.mailDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		log.info("received message {} for {}", this.count, Arrays.toString(message.getAllRecipients()));
	}

}
