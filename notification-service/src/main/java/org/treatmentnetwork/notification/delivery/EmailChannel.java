package org.treatmentnetwork.notification.delivery;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends pages by e-mail. {@link JavaMailSender} blocks, so sends run on the
 * bounded-elastic scheduler; the SMTP connect, read and write timeouts are set through
 * {@code spring.mail.properties.mail.smtp.*timeout}, and the whole send is bounded by
 * {@code notification.delivery.send-timeout}.
 */
@Component
class EmailChannel {

	private final JavaMailSender mailSender;

	private final String from;

	private final Duration timeout;

	EmailChannel(JavaMailSender mailSender, DeliveryProperties properties) {
		this.mailSender = mailSender;
		this.from = properties.mailFrom();
		this.timeout = properties.sendTimeout();
	}

	Mono<Void> send(AlertMessage message) {
		return Mono.fromRunnable(() -> {
			SimpleMailMessage mail = new SimpleMailMessage();
			mail.setFrom(this.from);
			mail.setTo(message.to());
			mail.setSubject(message.subject());
			mail.setText(message.body());
			this.mailSender.send(mail);
		}).subscribeOn(Schedulers.boundedElastic()).timeout(this.timeout).then();
	}

}
