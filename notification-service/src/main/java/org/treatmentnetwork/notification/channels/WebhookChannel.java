package org.treatmentnetwork.notification.channels;

import java.util.LinkedHashMap;
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
 * Posts pages as JSON to a URL: {@code {"text", "reference", "urgency", "center",
 * "firstContactDueAt", "acknowledgeUrl"}}. The {@code text} field makes it usable as a
 * chat tool's incoming webhook.
 */
@Component
public class WebhookChannel implements DeliveryChannel {

	private final WebClient client;

	private final ChannelGuard guard;

	@Autowired
	WebhookChannel(ObjectProvider<WebClient.Builder> builders, ChannelProperties channels) {
		this(builders.getIfAvailable(WebClient::builder), channels);
	}

	public WebhookChannel(WebClient.Builder builder, ChannelProperties channels) {
		this.client = HttpChannelClients.create(builder, channels.webhook().timeout());
		this.guard = new ChannelGuard("webhook", channels.webhook());
	}

	@Override
	public ContactMethod.Kind kind() {
		return ContactMethod.Kind.WEBHOOK;
	}

	@Override
	public TimelineChannel timelineChannel() {
		return TimelineChannel.WEBHOOK;
	}

	@Override
	public Mono<Sent> send(String staffId, AlertMessage message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("text", message.shortText());
		body.putAll(message.fields());
		return this.guard
			.protect(staffId, message.urgent(),
					() -> this.client.post()
						.uri(message.to())
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(body)
						.exchangeToMono(HttpChannelClients::check))
			.thenReturn(Sent.NO_RECEIPT);
	}

}
