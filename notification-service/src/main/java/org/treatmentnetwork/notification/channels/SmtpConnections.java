package org.treatmentnetwork.notification.channels;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends mail over SMTP connections kept open between messages, instead of a connection
 * (connect, greeting, {@code EHLO}, {@code QUIT}) per message.
 * <p>
 * A connection is used by one send at a time and goes back to the pool only after a
 * successful send; one that failed is closed. A kept connection may have been closed by
 * the server meanwhile: if sending over it fails, the message is sent once more over a
 * new connection before the failure is reported, so a stale connection never costs a page
 * (nor a retry's backoff). The session's connect, read and write timeouts apply to every
 * connection. Connections unused for longer than {@code maxIdleTime} are closed instead
 * of reused.
 */
final class SmtpConnections implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

	private final JavaMailSenderImpl mailSender;

	private final SmtpConnectionProperties properties;

	private final Clock clock;

	private final BlockingQueue<Idle> idle;

	private final AtomicLong opened = new AtomicLong();

	SmtpConnections(JavaMailSenderImpl mailSender, SmtpConnectionProperties properties, Clock clock) {
		this.mailSender = mailSender;
		this.properties = properties;
		this.clock = clock;
		this.idle = new ArrayBlockingQueue<>(Math.max(1, properties.maxIdle()));
	}

	/**
	 * A new message of the sender's session.
	 * @return the message
	 */
	MimeMessage createMessage() {
		return this.mailSender.createMimeMessage();
	}

	/**
	 * Send a message, over a kept connection if there is one. Blocks.
	 * @param message the message
	 * @throws MessagingException if it could not be sent over a new connection either
	 */
	void send(MimeMessage message) throws MessagingException {
		if (message.getSentDate() == null) {
			message.setSentDate(Date.from(this.clock.instant()));
		}
		message.saveChanges();
		Transport kept = takeIdle();
		if (kept != null) {
			try {
				kept.sendMessage(message, message.getAllRecipients());
				release(kept);
				return;
			}
			catch (MessagingException ex) {
				// Most likely closed by the server while idle: try a new connection.
				closeQuietly(kept);
				log.debug("Kept SMTP connection failed ({}); sending over a new one", ex.getClass().getSimpleName());
			}
		}
		Transport fresh = connect();
		try {
			fresh.sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException | RuntimeException ex) {
			closeQuietly(fresh);
			throw ex;
		}
		release(fresh);
	}

	/**
	 * How many connections were opened so far.
	 * @return the count
	 */
	long opened() {
		return this.opened.get();
	}

	@Override
	public void close() {
		for (Idle entry = this.idle.poll(); entry != null; entry = this.idle.poll()) {
			closeQuietly(entry.transport());
		}
	}

	private Transport takeIdle() {
		Instant now = this.clock.instant();
		for (Idle entry = this.idle.poll(); entry != null; entry = this.idle.poll()) {
			if (entry.since().plus(this.properties.maxIdleTime()).isAfter(now)) {
				return entry.transport();
			}
			closeQuietly(entry.transport());
		}
		return null;
	}

	private void release(Transport transport) {
		if (this.properties.maxIdle() == 0 || !this.idle.offer(new Idle(transport, this.clock.instant()))) {
			closeQuietly(transport);
		}
	}

	private Transport connect() throws MessagingException {
		Session session = this.mailSender.getSession();
		String protocol = this.mailSender.getProtocol();
		if (protocol == null) {
			protocol = session.getProperty("mail.transport.protocol");
		}
		Transport transport = session.getTransport((protocol != null) ? protocol : "smtp");
		transport.connect(this.mailSender.getHost(), this.mailSender.getPort(), this.mailSender.getUsername(),
				this.mailSender.getPassword());
		this.opened.incrementAndGet();
		return transport;
	}

	private static void closeQuietly(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException | RuntimeException ex) {
			// Nothing to do: the connection is dropped either way.
		}
	}

	private record Idle(Transport transport, Instant since) {

	}

}
