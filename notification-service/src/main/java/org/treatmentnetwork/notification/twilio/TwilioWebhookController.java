package org.treatmentnetwork.notification.twilio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.escalation.DeliveryReceipts;
import org.treatmentnetwork.notification.problems.ForbiddenException;
import org.treatmentnetwork.notification.replies.PageReplies;
import org.treatmentnetwork.servicedefaults.openapi.ProblemResponse;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The provider's webhooks, public on the gateway without a bearer token: delivery
 * receipts, call statuses, text replies and keypresses. Every request's
 * {@code X-Twilio-Signature} is checked against the public URL the provider called (the
 * configured webhook base URL, not the address a proxied request arrives on) and its form
 * parameters; an unsigned or wrongly signed request is {@code 403} and changes nothing.
 * What a request does happens once: replays change nothing.
 */
@RestController
@RequestMapping(TwilioWebhooks.BASE)
@Tag(name = "Provider webhooks", description = "Called by the text and voice provider (Twilio's webhooks), signed")
class TwilioWebhookController {

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);

	static final String SIGNATURE_HEADER = "X-Twilio-Signature";

	private static final MediaType TWIML = MediaType.parseMediaType(Twiml.MEDIA_TYPE);

	private final TwilioProperties properties;

	private final DeliveryReceipts receipts;

	private final PageReplies replies;

	TwilioWebhookController(TwilioProperties properties, DeliveryReceipts receipts, PageReplies replies) {
		this.properties = properties;
		this.receipts = receipts;
		this.replies = replies;
	}

	@PostMapping(path = "/message-status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "A text message's delivery receipt (StatusCallback)")
	@ProblemResponse(status = 403, type = "forbidden", description = "Missing or wrong X-Twilio-Signature")
	Mono<ResponseEntity<Void>> messageStatus(@RequestParam(TwilioWebhooks.DELIVERY_PARAMETER) String delivery,
			ServerWebExchange exchange) {
		return signed(exchange).flatMap((form) -> this.receipts.messageStatus(delivery, form.getFirst("MessageStatus")))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@PostMapping(path = "/call-status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "A call's final status (StatusCallback)")
	@ProblemResponse(status = 403, type = "forbidden", description = "Missing or wrong X-Twilio-Signature")
	Mono<ResponseEntity<Void>> callStatus(@RequestParam(TwilioWebhooks.DELIVERY_PARAMETER) String delivery,
			ServerWebExchange exchange) {
		return signed(exchange).flatMap((form) -> this.receipts.callStatus(delivery, form.getFirst("CallStatus")))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@PostMapping(path = "/inbound-message", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = Twiml.MEDIA_TYPE)
	@Operation(summary = "A text sent to the sender number: an answer to a page (1, ACK, ACK 4821, ESC)",
			description = "Answered with TwiML: the reply text, or none for a number no staff member pages to")
	@ProblemResponse(status = 403, type = "forbidden", description = "Missing or wrong X-Twilio-Signature")
	Mono<ResponseEntity<String>> inboundMessage(ServerWebExchange exchange) {
		return signed(exchange)
			.flatMap((form) -> this.replies
				.textReply(form.getFirst("From"), form.getFirst("Body"), form.getFirst("MessageSid"))
				.map(Twiml::message)
				.defaultIfEmpty(Twiml.message(null)))
			.map((twiml) -> ResponseEntity.ok().contentType(TWIML).body(twiml));
	}

	@PostMapping(path = "/gather", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = Twiml.MEDIA_TYPE)
	@Operation(summary = "The key pressed during a page's call: 1 acknowledges, 2 escalates",
			description = "Answered with TwiML: what the call says back")
	@ProblemResponse(status = 403, type = "forbidden", description = "Missing or wrong X-Twilio-Signature")
	Mono<ResponseEntity<String>> gather(@RequestParam(TwilioWebhooks.DELIVERY_PARAMETER) String delivery,
			ServerWebExchange exchange) {
		return signed(exchange)
			.flatMap((form) -> this.replies.keyPressed(delivery, form.getFirst("CallSid"), form.getFirst("Digits")))
			.map((answer) -> answer.askAgain()
					? Twiml.gather(answer.speech() + " Press 1 to acknowledge. Press 2 to escalate.",
							this.properties.webhookUrl(TwilioWebhooks.forDelivery(TwilioWebhooks.GATHER, delivery)),
							this.properties.gatherTimeout().toSeconds())
					: Twiml.say(answer.speech(), false))
			.map((twiml) -> ResponseEntity.ok().contentType(TWIML).body(twiml));
	}

	/**
	 * The form parameters of a correctly signed request; else a {@code 403}.
	 */
	private Mono<MultiValueMap<String, String>> signed(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		String query = request.getURI().getRawQuery();
		String url = this.properties.webhookUrl(request.getURI().getRawPath() + ((query != null) ? "?" + query : ""));
		String signature = request.getHeaders().getFirst(SIGNATURE_HEADER);
		return exchange.getFormData().flatMap((form) -> {
			if (!TwilioSignature.verify(this.properties.authToken(), url, form, signature)) {
				log.warn("Webhook {} refused: {}", request.getURI().getRawPath(),
						(signature == null) ? "no signature" : "wrong signature");
				return Mono.error(new ForbiddenException("The request is not signed by the text and voice provider."));
			}
			return Mono.just(form);
		});
	}

}
