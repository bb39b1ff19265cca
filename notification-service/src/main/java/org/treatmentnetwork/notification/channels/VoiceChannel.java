package org.treatmentnetwork.notification.channels;

import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.twilio.TwilioClient;
import org.treatmentnetwork.notification.twilio.TwilioProperties;
import org.treatmentnetwork.notification.twilio.TwilioWebhooks;
import org.treatmentnetwork.notification.twilio.Twiml;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Pages by phone call through the text and voice provider ({@link TwilioClient}). The
 * call says what the page is about, then asks for a key: 1 acknowledges, 2 escalates (the
 * {@code <Gather>} posts it to {@link TwilioWebhooks#GATHER} for the delivery); its final
 * status comes back to {@link TwilioWebhooks#CALL_STATUS}. A message that is not a page
 * (a confirmation code) is only spoken, twice. Off when the provider is not configured.
 */
@Component
public class VoiceChannel implements DeliveryChannel {

	static final String KEYS = "Press 1 to acknowledge. Press 2 to escalate to the next person.";

	private final TwilioClient twilio;

	private final TwilioProperties properties;

	private final ChannelGuard guard;

	public VoiceChannel(TwilioClient twilio, TwilioProperties properties, ChannelProperties channels) {
		this.twilio = twilio;
		this.properties = properties;
		this.guard = new ChannelGuard("voice", channels.voice());
	}

	@Override
	public ContactMethod.Kind kind() {
		return ContactMethod.Kind.VOICE;
	}

	@Override
	public TimelineChannel timelineChannel() {
		return TimelineChannel.VOICE;
	}

	@Override
	public boolean enabled() {
		return this.twilio.configured();
	}

	@Override
	public Mono<Sent> send(String staffId, AlertMessage message) {
		String twiml;
		String callback = null;
		if (message.deliveryId() != null) {
			String action = this.properties
				.webhookUrl(TwilioWebhooks.forDelivery(TwilioWebhooks.GATHER, message.deliveryId()));
			twiml = Twiml.gather(message.speech() + " " + KEYS, action, this.properties.gatherTimeout().toSeconds());
			callback = this.properties
				.webhookUrl(TwilioWebhooks.forDelivery(TwilioWebhooks.CALL_STATUS, message.deliveryId()));
		}
		else {
			twiml = Twiml.say(message.speech(), true);
		}
		String document = twiml;
		String statusCallback = callback;
		return this.guard
			.protect(staffId, message.urgent(), () -> this.twilio.placeCall(message.to(), document, statusCallback))
			.map(Sent::new);
	}

}
