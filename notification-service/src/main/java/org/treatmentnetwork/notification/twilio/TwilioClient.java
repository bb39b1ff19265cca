package org.treatmentnetwork.notification.twilio;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.treatmentnetwork.notification.channels.HttpChannelClients;

/**
 * Twilio's REST API as documented: form-encoded {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json} and {@code …/Calls.json} with HTTP
 * Basic authentication (account SID and auth token), answered with the new resource's
 * {@code sid}. A refusal ({@code 4xx} other than {@code 429}: an invalid number, a number
 * that cannot receive texts) is permanent; anything else may be retried.
 */
@Component
public class TwilioClient {

	private static final Logger log = LoggerFactory.getLogger(TwilioClient.class);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final TwilioProperties properties;

	private final WebClient client;

	@Autowired
	TwilioClient(ObjectProvider<WebClient.Builder> builders, TwilioProperties properties) {
		this(builders.getIfAvailable(WebClient::builder), properties, Duration.ofSeconds(5));
	}

	public TwilioClient(WebClient.Builder builder, TwilioProperties properties, Duration timeout) {
		this.properties = properties;
		// The channels' client: its timeouts, and spans and metrics by host only (the
		// path
		// names the account).
		this.client = HttpChannelClients.create(builder, timeout);
	}

	@EventListener(ApplicationReadyEvent.class)
	void sayWhetherConfigured() {
		if (this.properties.configured()) {
			log.info("Texts and calls go through {} from {}", this.properties.apiBaseUrl(),
					this.properties.fromNumber());
		}
		else {
			log.warn("Texts and calls are OFF: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER "
					+ "(and TWILIO_API_BASE_URL for a provider other than Twilio); SMS and VOICE contact methods "
					+ "are skipped until then");
		}
	}

	/**
	 * Whether texts and calls can be sent.
	 * @return {@code true} if configured
	 */
	public boolean configured() {
		return this.properties.configured();
	}

	/**
	 * Send a text message.
	 * @param to the number, E.164
	 * @param body the text
	 * @param statusCallback the URL of the delivery receipts
	 * @return the message's sid
	 */
	public Mono<String> sendMessage(String to, String body, String statusCallback) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", to);
		form.add("From", this.properties.fromNumber());
		form.add("Body", body);
		if (statusCallback != null) {
			form.add("StatusCallback", statusCallback);
		}
		return create("Messages.json", form);
	}

	/**
	 * Place a call that runs the given TwiML.
	 * @param to the number, E.164
	 * @param twiml what the call says and gathers
	 * @param statusCallback the URL of the call's final status
	 * @return the call's sid
	 */
	public Mono<String> placeCall(String to, String twiml, String statusCallback) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", to);
		form.add("From", this.properties.fromNumber());
		form.add("Twiml", twiml);
		form.add("Timeout", Long.toString(this.properties.ringTimeout().toSeconds()));
		if (statusCallback != null) {
			form.add("StatusCallback", statusCallback);
		}
		return create("Calls.json", form);
	}

	private Mono<String> create(String resource, MultiValueMap<String, String> form) {
		String url = this.properties.apiBaseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
				+ this.properties.accountSid() + "/" + resource;
		return this.client.post()
			.uri(url)
			.headers((headers) -> headers.setBasicAuth(this.properties.accountSid(), this.properties.authToken()))
			.body(BodyInserters.fromFormData(form))
			.exchangeToMono(TwilioClient::sid);
	}

	private static Mono<String> sid(ClientResponse response) {
		if (!response.statusCode().is2xxSuccessful()) {
			return HttpChannelClients.failure(response);
		}
		return response.bodyToMono(JSON).flatMap((body) -> {
			Object sid = body.get("sid");
			return (sid instanceof String value && !value.isBlank()) ? Mono.just(value)
					: Mono.error(new IllegalStateException("no sid in the provider's answer"));
		});
	}

}
