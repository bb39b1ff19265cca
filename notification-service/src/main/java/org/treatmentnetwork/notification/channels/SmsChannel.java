package org.treatmentnetwork.notification.channels;

import java.util.Map;

import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends pages as text messages through the SMS provider's HTTP API (see
 * {@link ChannelProperties.SmsProvider}). Off when no base URL is configured.
 */
@Component
public class SmsChannel implements DeliveryChannel {

	private final ChannelProperties.SmsProvider provider;

	private final WebClient client;

	private final ChannelGuard guard;

	@Autowired
	SmsChannel(ObjectProvider<WebClient.Builder> builders, ChannelProperties channels) {
		this(builders.getIfAvailable(WebClient::builder), channels);
	}

	public SmsChannel(WebClient.Builder builder, ChannelProperties channels) {
		this.provider = channels.smsProvider();
		this.client = HttpChannelClients.create(builder, channels.sms().timeout());
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
		return this.provider.configured();
	}

	@Override
	public Mono<Void> send(String staffId, AlertMessage message) {
		String url = this.provider.baseUrl().replaceAll("/+$", "") + "/messages";
		Map<String, String> body = Map.of("from", this.provider.sender(), "to", message.to(), "text",
				message.shortText());
		return this.guard.protect(staffId, () -> this.client.post().uri(url).headers((headers) -> {
			if (this.provider.username() != null && !this.provider.username().isBlank()) {
				headers.setBasicAuth(this.provider.username(),
						(this.provider.password() != null) ? this.provider.password() : "");
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchangeToMono(HttpChannelClients::check));
	}

}
