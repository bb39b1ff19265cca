package org.treatmentnetwork.notification.twilio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.escalation.DeliveryReceipts;
import org.treatmentnetwork.notification.replies.PageReplies;
import org.treatmentnetwork.notification.security.SecurityConfiguration;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(controllers = TwilioWebhookController.class)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties(TwilioProperties.class)
@TestPropertySource(properties = { "notification.twilio.api-base-url=https://api.twilio.example",
		"notification.twilio.account-sid=ACtest", "notification.twilio.auth-token=webhook-test-token",
		"notification.twilio.from-number=+12025550100",
		"notification.twilio.webhook-base-url=https://staff.example.test", "notification.twilio.ring-timeout=30s",
		"notification.twilio.gather-timeout=10s", "treatment-network.security.tokens.issuer=test",
		"treatment-network.security.tokens.audience=test" })
class TwilioWebhookControllerTests {

	private static final String TOKEN = "webhook-test-token";

	private static final String PUBLIC = "https://staff.example.test";

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private DeliveryReceipts receipts;

	@MockitoBean
	private PageReplies replies;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Test
	void aSignedReplyIsAnsweredWithTwimlWithoutAToken() {
		Map<String, String> form = reply("ACK 4821");
		given(this.replies.textReply("+12025550101", "ACK 4821", "SM1"))
			.willReturn(Mono.just("Acknowledged K7MQ-4XPA (CRISIS) <ok> & more"));

		String twiml = post(TwilioWebhooks.INBOUND_MESSAGE, form, sign(PUBLIC + TwilioWebhooks.INBOUND_MESSAGE, form))
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_XML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(twiml)
			.contains("<Response><Message>Acknowledged K7MQ-4XPA (CRISIS) &lt;ok&gt; &amp; more</Message>");
	}

	@Test
	void aReplyWithoutAnswerIsAnEmptyResponse() {
		Map<String, String> form = reply("1");
		given(this.replies.textReply(any(), any(), any())).willReturn(Mono.empty());

		String twiml = post(TwilioWebhooks.INBOUND_MESSAGE, form, sign(PUBLIC + TwilioWebhooks.INBOUND_MESSAGE, form))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(twiml).endsWith("<Response></Response>");
	}

	@Test
	void missingWrongKeyAlteredAndOtherUrlSignaturesAreRefusedAndChangeNothing() {
		Map<String, String> form = reply("1");
		String url = PUBLIC + TwilioWebhooks.INBOUND_MESSAGE;
		Map<String, String> altered = new LinkedHashMap<>(form);
		altered.put("Body", "ESC");

		post(TwilioWebhooks.INBOUND_MESSAGE, form, null).expectStatus().isForbidden();
		post(TwilioWebhooks.INBOUND_MESSAGE, form, TwilioSignature.sign("another-token", url, multi(form)))
			.expectStatus()
			.isForbidden();
		post(TwilioWebhooks.INBOUND_MESSAGE, altered, sign(url, form)).expectStatus().isForbidden();
		// Signed for the address the gateway forwards to, not the public one the
		// provider calls.
		post(TwilioWebhooks.INBOUND_MESSAGE, form, sign("http://127.0.0.1:8083" + TwilioWebhooks.INBOUND_MESSAGE, form))
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("+12025550101"));

		verifyNoInteractions(this.replies, this.receipts);
	}

	@Test
	void aReceiptIsRecordedForTheDeliveryItsSignedUrlNames() {
		String path = TwilioWebhooks.forDelivery(TwilioWebhooks.MESSAGE_STATUS, "d-1");
		Map<String, String> form = Map.of("MessageSid", "SM1", "MessageStatus", "undelivered", "AccountSid", "ACtest");
		given(this.receipts.messageStatus("d-1", "undelivered")).willReturn(Mono.empty());

		post(path, form, sign(PUBLIC + path, form)).expectStatus().isNoContent();
		// The query is part of what is signed: another delivery is refused.
		post(TwilioWebhooks.forDelivery(TwilioWebhooks.MESSAGE_STATUS, "d-2"), form, sign(PUBLIC + path, form))
			.expectStatus()
			.isForbidden();

		then(this.receipts).should().messageStatus("d-1", "undelivered");
	}

	@Test
	void aKeyIsAnsweredWithWhatTheCallSays() {
		String path = TwilioWebhooks.forDelivery(TwilioWebhooks.GATHER, "d-1");
		Map<String, String> form = Map.of("CallSid", "CA1", "Digits", "7", "AccountSid", "ACtest");
		given(this.replies.keyPressed("d-1", "CA1", "7"))
			.willReturn(Mono.just(new PageReplies.KeyAnswer("That key does nothing here.", true)));

		String twiml = post(path, form, sign(PUBLIC + path, form)).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(twiml)
			.contains("<Gather action=\"https://staff.example.test/api/paging/twilio/gather?delivery=d-1\"")
			.contains("That key does nothing here.");
	}

	private WebTestClient.ResponseSpec post(String path, Map<String, String> form, String signature) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> UriUtils.encode(entry.getKey(), "UTF-8") + "=" + UriUtils.encode(entry.getValue(), "UTF-8"))
			.collect(Collectors.joining("&"));
		return this.client.post().uri(path).headers((headers) -> {
			if (signature != null) {
				headers.set("X-Twilio-Signature", signature);
			}
		}).contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(body).exchange();
	}

	private static String sign(String url, Map<String, String> form) {
		return TwilioSignature.sign(TOKEN, url, multi(form));
	}

	private static Map<String, List<String>> multi(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> List.of(entry.getValue())));
	}

	private static Map<String, String> reply(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("MessageSid", "SM1");
		form.put("AccountSid", "ACtest");
		form.put("From", "+12025550101");
		form.put("To", "+12025550100");
		form.put("Body", body);
		return form;
	}

}
