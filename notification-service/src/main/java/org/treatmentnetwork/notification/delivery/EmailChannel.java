package org.treatmentnetwork.notification.delivery;

import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends pages by e-mail. {@link JavaMailSender} blocks, so sends run on the
 * bounded-elastic scheduler; the SMTP connect, read and write timeouts are set through
 * {@code spring.mail.properties.mail.smtp.*timeout}, and each attempt is bounded by
 * {@code notification.channels.email.timeout}.
 */
@Component
class EmailChannel implements DeliveryChannel {

	private final JavaMailSender mailSender;

	private final String from;

	private final ChannelGuard guard;

	EmailChannel(JavaMailSender mailSender, DeliveryProperties properties, ChannelProperties channels) {
		this.mailSender = mailSender;
		this.from = properties.mailFrom();
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
	public Mono<Void> send(String staffId, AlertMessage message) {
		return this.guard.protect(staffId, () -> Mono.<Void>fromRunnable(() -> {
			SimpleMailMessage mail = new SimpleMailMessage();
			mail.setFrom(this.from);
			mail.setTo(message.to());
			mail.setSubject(message.subject());
			mail.setText(message.body());
			this.mailSender.send(mail);
		}).subscribeOn(Schedulers.boundedElastic()));
	}

}
