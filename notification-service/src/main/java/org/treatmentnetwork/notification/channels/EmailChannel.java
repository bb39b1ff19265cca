package org.treatmentnetwork.notification.channels;

import java.time.Clock;

import jakarta.mail.internet.MimeMessage;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.stereotype.Component;

/**
 * Sends pages by e-mail over kept SMTP connections ({@link SmtpConnections}). Sending
 * blocks, so sends run on the bounded-elastic scheduler; the SMTP connect, read and write
 * timeouts are set through {@code spring.mail.properties.mail.smtp.*timeout}, and each
 * attempt is bounded by {@code notification.channels.email.timeout}.
 */
@Component
class EmailChannel implements DeliveryChannel, DisposableBean {

	private final SmtpConnections connections;

	private final String from;

	private final ChannelGuard guard;

	// The sender address is one of the paging settings, validated with them
	// (escalation/DeliveryProperties).
	EmailChannel(JavaMailSenderImpl mailSender, SmtpConnectionProperties smtp,
			@Value("${notification.delivery.mail-from}") String mailFrom, ChannelProperties channels, Clock clock) {
		this.connections = new SmtpConnections(mailSender, smtp, clock);
		this.from = mailFrom;
		this.guard = new ChannelGuard("email", channels.email());
	}

	@Override
	public ContactMethod.Kind kind() {
		return ContactMethod.Kind.EMAIL;
	}

	@Override
	public TimelineChannel timelineChannel() {
		return TimelineChannel.EMAIL;
	}

	@Override
	public Mono<Sent> send(String staffId, AlertMessage message) {
		return this.guard.protect(staffId, message.urgent(), () -> Mono.<Void>fromCallable(() -> {
			SimpleMailMessage mail = new SimpleMailMessage();
			mail.setFrom(this.from);
			mail.setTo(message.to());
			mail.setSubject(message.subject());
			mail.setText(message.body());
			MimeMessage mime = this.connections.createMessage();
			mail.copyTo(new MimeMailMessage(mime));
			this.connections.send(mime);
			return null;
		}).subscribeOn(Schedulers.boundedElastic())).thenReturn(Sent.NO_RECEIPT);
	}

	/**
	 * How many SMTP connections were opened so far.
	 * @return the count
	 */
	long connectionsOpened() {
		return this.connections.opened();
	}

	@Override
	public void destroy() {
		this.connections.close();
	}

}
