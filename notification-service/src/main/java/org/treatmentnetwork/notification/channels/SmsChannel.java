package org.treatmentnetwork.notification.channels;

import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.twilio.TwilioClient;
import org.treatmentnetwork.notification.twilio.TwilioProperties;
import org.treatmentnetwork.notification.twilio.TwilioWebhooks;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Sends pages as text messages through the text and voice provider
 * ({@link TwilioClient}). A page's delivery receipts come back to
 * {@link TwilioWebhooks#MESSAGE_STATUS} for its delivery. Off when the provider is not
 * configured.
 */
@Component
public class SmsChannel implements DeliveryChannel {

	private final TwilioClient twilio;

	private final TwilioProperties properties;

	private final ChannelGuard guard;

	public SmsChannel(TwilioClient twilio, TwilioProperties properties, ChannelProperties channels) {
		this.twilio = twilio;
		this.properties = properties;
		this.guard = new ChannelGuard("sms", channels.sms());
	}

	@Override
	public ContactMethod.Kind kind() {
		return ContactMethod.Kind.SMS;
	}

	@Override
	public TimelineChannel timelineChannel() {
		return TimelineChannel.SMS;
	}

	@Override
	public boolean enabled() {
		return this.twilio.configured();
	}

	@Override
	public Mono<Sent> send(String staffId, AlertMessage message) {
		String callback = (message.deliveryId() != null) ? this.properties
			.webhookUrl(TwilioWebhooks.forDelivery(TwilioWebhooks.MESSAGE_STATUS, message.deliveryId())) : null;
		return this.guard
			.protect(staffId, message.urgent(),
					() -> this.twilio.sendMessage(message.to(), message.shortText(), callback))
			.map(Sent::new);
	}

}
