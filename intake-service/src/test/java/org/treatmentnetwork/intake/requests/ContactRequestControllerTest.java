package org.treatmentnetwork.intake.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.treatmentnetwork.intake.problems.NotFoundException;
import org.treatmentnetwork.intake.triage.CrisisResource;
import org.treatmentnetwork.intake.triage.Urgency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

@WebFluxTest(controllers = ContactRequestController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.treatmentnetwork\\.intake\\.(security|problems)\\..*"))
@Import({ ContactRequestValidator.class, PhoneNumbers.class })
@EnableConfigurationProperties(ContactRequestProperties.class)
class ContactRequestControllerTest {

	private static final String PATH = "/api/intake/contact-requests";

	private static final String NAME = "Zelda Quintavalle";

	private static final String PHONE = "+1 555 010 0199";

	private static final String EMAIL = "zelda.quintavalle@example.org";

	private static final String MESSAGE = "Confidential words only the caller wrote";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private ContactRequestService service;

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@MockitoBean
	private Honeypot honeypot;

	@Test
	void websiteSubmissionIsAcceptedWithSourceWebAndTheNumberInE164() {
		given(this.service.submit(any(), any(), any())).willReturn(Mono.just(accepted(null)));

		this.client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body((b) -> {
		}))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("req-1")
			.jsonPath("$.reference")
			.isEqualTo("K7PX-3MZQ")
			.jsonPath("$.status")
			.isEqualTo("RECEIVED")
			.jsonPath("$.receivedAt")
			.isEqualTo("2026-11-24T22:00:00Z")
			.jsonPath("$.urgency")
			.isEqualTo("ROUTINE")
			.jsonPath("$.crisisResources")
			.doesNotExist();

		ArgumentCaptor<ValidContactRequest> request = ArgumentCaptor.forClass(ValidContactRequest.class);
		ArgumentCaptor<Submitter> submitter = ArgumentCaptor.forClass(Submitter.class);
		verify(this.service).submit(request.capture(), submitter.capture(), eq(null));
		assertThat(submitter.getValue()).isEqualTo(Submitter.website());
		assertThat(request.getValue().phone()).isEqualTo("+15550100199");
		assertThat(request.getValue().name()).isEqualTo(NAME);
		assertThat(request.getValue().preferredContact()).isEqualTo(PreferredContact.PHONE);
		assertThat(request.getValue().forWhom()).isEqualTo(ForWhom.SELF);
		assertThat(request.getValue().substances()).containsExactly("heroin");
		assertThat(request.getValue().consent()).isEqualTo(new Consent(true, false, false));
	}

	@Test
	void idempotencyKeyIsPassedOn() {
		given(this.service.submit(any(), any(), any())).willReturn(Mono.just(accepted(null)));

		this.client.post()
			.uri(PATH)
			.header("Idempotency-Key", "6f1d2c1e-2b7a-4a43-9b7e-0f3f3d2a9c10")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body((b) -> {
			}))
			.exchange()
			.expectStatus()
			.isAccepted();

		verify(this.service).submit(any(), any(), eq("6f1d2c1e-2b7a-4a43-9b7e-0f3f3d2a9c10"));
	}

	@Test
	void idempotencyKeyThatIsNotVisibleAsciiIsABadRequest() {
		this.client.post()
			.uri(PATH)
			.header("Idempotency-Key", "x".repeat(256))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body((b) -> {
			}))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("Idempotency-Key");
		verifyNoInteractions(this.service);
	}

	@Test
	void filledHoneypotIsAnsweredByTheHoneypotAndNeverStored() {
		given(this.honeypot.answer(any())).willReturn(accepted(null));

		post(body((b) -> b.put("website", "http://spam.example"))).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("req-1")
			.jsonPath("$.reference")
			.isEqualTo("K7PX-3MZQ")
			.jsonPath("$.status")
			.isEqualTo("RECEIVED");
		verifyNoInteractions(this.service);
	}

	@Test
	void emptyHoneypotIsAnOrdinaryRequest() {
		given(this.service.submit(any(), any(), any())).willReturn(Mono.just(accepted(null)));

		post(body((b) -> b.put("website", ""))).expectStatus().isAccepted();

		verify(this.service).submit(any(), any(), any());
		verifyNoInteractions(this.honeypot);
	}

	@Test
	void nationalNumberIsReadInTheDefaultRegion() {
		given(this.service.submit(any(), any(), any())).willReturn(Mono.just(accepted(null)));

		post(body((b) -> b.put("phone", "(202) 555-0143"))).expectStatus().isAccepted();

		ArgumentCaptor<ValidContactRequest> request = ArgumentCaptor.forClass(ValidContactRequest.class);
		verify(this.service).submit(request.capture(), any(), any());
		assertThat(request.getValue().phone()).isEqualTo("+12025550143");
	}

	@Test
	void crisisAnswerCarriesTheCrisisResources() {
		CrisisResource lifeline = new CrisisResource("988 Suicide & Crisis Lifeline", "988", "988",
				"https://988lifeline.org", "24/7");
		given(this.service.submit(any(), any(), any())).willReturn(Mono.just(accepted(List.of(lifeline))));

		post(body((b) -> b.put("message", "he overdosed"))).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.crisisResources[0].name")
			.isEqualTo("988 Suicide & Crisis Lifeline")
			.jsonPath("$.crisisResources[0].phone")
			.isEqualTo("988")
			.jsonPath("$.crisisResources[0].sms")
			.isEqualTo("988")
			.jsonPath("$.crisisResources[0].url")
			.isEqualTo("https://988lifeline.org")
			.jsonPath("$.crisisResources[0].hours")
			.isEqualTo("24/7");
	}

	static Stream<Arguments> invalidRequests() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("$ne", null);
		return Stream.of(
				Arguments.of("no phone and no e-mail", edit((b) -> b.put("phone", null)), List.of("email", "phone")),
				Arguments.of("e-mail preferred without an e-mail", edit((b) -> b.put("preferredContact", "EMAIL")),
						List.of("email")),
				Arguments.of("phone preferred without a phone", edit((b) -> {
					b.put("phone", null);
					b.put("email", EMAIL);
				}), List.of("phone")),
				Arguments.of("text without consent to texts", edit((b) -> b.put("preferredContact", "TEXT")),
						List.of("consent.text")),
				Arguments.of("consent to contact false", edit((b) -> consent(b).put("contact", false)),
						List.of("consent.contact")),
				Arguments.of("consent missing", edit((b) -> b.remove("consent")), List.of("consent")),
				Arguments.of("unknown field", edit((b) -> b.put("ssn", "078-05-1120")), List.of("ssn")),
				Arguments.of("unknown field in consent", edit((b) -> consent(b).put("marketing", true)),
						List.of("consent.marketing")),
				Arguments.of("operator as name", edit((b) -> b.put("name", nested)), List.of("name")),
				Arguments.of("operator as phone", edit((b) -> b.put("phone", nested)), List.of("phone")),
				Arguments.of("operator as consent", edit((b) -> consent(b).put("contact", nested)),
						List.of("consent.contact")),
				Arguments.of("operator in substances", edit((b) -> b.put("substances", List.of(nested))),
						List.of("substances[0]")),
				Arguments.of("substances not an array", edit((b) -> b.put("substances", "heroin")),
						List.of("substances")),
				Arguments.of("too many substances",
						edit((b) -> b.put("substances", IntStream.range(0, 21).mapToObj((i) -> "s" + i).toList())),
						List.of("substances")),
				Arguments.of("substance too long", edit((b) -> b.put("substances", List.of("x".repeat(101)))),
						List.of("substances[0]")),
				Arguments.of("message too long", edit((b) -> b.put("message", MESSAGE + "x".repeat(2000))),
						List.of("message")),
				Arguments.of("invalid phone", edit((b) -> b.put("phone", "+1 202 55")), List.of("phone")),
				Arguments.of("phone of letters", edit((b) -> b.put("phone", "call me maybe")), List.of("phone")),
				Arguments.of("invalid e-mail", edit((b) -> b.put("email", "zelda-at-example")), List.of("email")),
				Arguments.of("unknown contact method", edit((b) -> b.put("preferredContact", "FAX")),
						List.of("preferredContact")),
				Arguments.of("who it is for missing", edit((b) -> b.remove("forWhom")), List.of("forWhom")),
				Arguments.of("center id with operator characters", edit((b) -> b.put("centerId", "$where")),
						List.of("centerId")),
				Arguments.of("name too long", edit((b) -> b.put("name", NAME + "y".repeat(100))), List.of("name")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void invalidRequestIsRejectedWithFieldErrorsAndStoresNothing(String description, Consumer<Map<String, Object>> edit,
			List<String> fields) {
		post(body(edit)).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/validation")
			.jsonPath("$.title")
			.exists()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.exists()
			.jsonPath("$.errors[*].field")
			.value((List<String> actual) -> assertThat(actual).containsExactlyInAnyOrderElementsOf(fields))
			.jsonPath("$.errors[*].message")
			.value((List<String> messages) -> assertThat(messages).allSatisfy((m) -> assertThat(m).isNotBlank()));
		verifyNoInteractions(this.service);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void problemNeverEchoesSubmittedValues(String description, Consumer<Map<String, Object>> edit,
			List<String> fields) {
		String problem = post(body(edit)).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(problem).doesNotContain(NAME, "Zelda", "0100199", "010 0199", EMAIL, "zelda", MESSAGE, "heroin",
				"078-05-1120", "202 55", "call me maybe", "$ne", "$where", "xxxxxxxxxx", "yyyyyyyyyy");
	}

	@Test
	void malformedJsonIsABadRequest() {
		post("{\"name\": \"" + NAME + "\", ").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("\"errors\":[]").doesNotContain(NAME));
		verifyNoInteractions(this.service);
	}

	@Test
	void emptyBodyIsABadRequest() {
		this.client.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.service);
	}

	@Test
	void nonJsonIsUnsupportedMediaType() {
		this.client.post()
			.uri(PATH)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name=" + NAME)
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/unsupported-media-type")
			.jsonPath("$.status")
			.isEqualTo(415);
		verifyNoInteractions(this.service);
	}

	@Test
	void bodyOverSixteenKibibytesIsTooLarge() {
		post(body((b) -> b.put("bestTimeToContact", "z".repeat(17 * 1024)))).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/payload-too-large");
		verifyNoInteractions(this.service);
	}

	@Test
	void garbageTokenIsUnauthorizedEvenOnThePublicPath() {
		given(this.jwtDecoder.decode(anyString())).willReturn(Mono.error(new BadJwtException("not a JWT")));

		this.client.post()
			.uri(PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer garbage.token.value")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body((b) -> {
			}))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*invalid_token.*")
			.expectBody(String.class)
			.value((problem) -> assertThat(problem)
				.contains("\"type\":\"https://treatment-network.example/problems/unauthorized\"")
				.doesNotContain("garbage"));
		verifyNoInteractions(this.service);
	}

	@Test
	void intakeAgentLogsAPhoneCall() {
		given(this.service.submit(any(), any(), any())).willReturn(Mono.just(accepted(null)));

		this.client
			.mutateWith(mockJwt().jwt((jwt) -> jwt.subject("agent-7"))
				.authorities(new SimpleGrantedAuthority("ROLE_INTAKE_AGENT")))
			.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body((b) -> {
			}))
			.exchange()
			.expectStatus()
			.isAccepted();

		verify(this.service).submit(any(), eq(Submitter.phoneCall("agent-7")), any());
	}

	@Test
	void tokenWithoutIntakeAgentIsForbidden() {
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_EDITOR")))
			.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body((b) -> {
			}))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/forbidden");
		verifyNoInteractions(this.service);
	}

	@Test
	void readingNeedsAToken() {
		this.client.get()
			.uri(PATH + "/req-1")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.service);
	}

	@Test
	void readingNeedsAnIntakeOrSupervisorRole() {
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ON_CALL")))
			.get()
			.uri(PATH + "/req-1")
			.exchange()
			.expectStatus()
			.isForbidden();
		verifyNoInteractions(this.service);
	}

	@Test
	void supervisorReadsTheFullRequest() {
		given(this.service.read("req-1", "supervisor-2")).willReturn(Mono.just(details()));

		this.client
			.mutateWith(mockJwt().jwt((jwt) -> jwt.subject("supervisor-2"))
				.authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))
			.get()
			.uri(PATH + "/req-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("req-1")
			.jsonPath("$.name")
			.isEqualTo(NAME)
			.jsonPath("$.phone")
			.isEqualTo("+15550100199")
			.jsonPath("$.firstContactDueAt")
			.isEqualTo("2026-11-24T23:00:00Z")
			.jsonPath("$.history[0].type")
			.isEqualTo("RECEIVED")
			.jsonPath("$.history[0].source")
			.isEqualTo("WEB")
			.jsonPath("$.pendingEvents")
			.doesNotExist()
			.jsonPath("$.outboxPending")
			.doesNotExist();
	}

	@Test
	void unknownRequestIsNotFound() {
		given(this.service.read(any(), any()))
			.willReturn(Mono.error(new NotFoundException("There is no contact request with this id.")));

		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_INTAKE_AGENT")))
			.get()
			.uri(PATH + "/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/not-found")
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	private WebTestClient.ResponseSpec post(String body) {
		return this.client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static ContactRequestAccepted accepted(List<CrisisResource> crisisResources) {
		return new ContactRequestAccepted("req-1", "K7PX-3MZQ", RequestStatus.RECEIVED,
				Instant.parse("2026-11-24T22:00:00Z"), (crisisResources != null) ? Urgency.CRISIS : Urgency.ROUTINE,
				crisisResources);
	}

	private static ContactRequestDetails details() {
		Instant received = Instant.parse("2026-11-24T22:00:00Z");
		return new ContactRequestDetails("req-1", "K7PX-3MZQ", RequestStatus.RECEIVED, Urgency.ROUTINE, Source.WEB,
				received, received.plusSeconds(3600), NAME, "+15550100199", null, PreferredContact.PHONE, "evenings",
				ForWhom.SELF, List.of("heroin"), MESSAGE, null, new Consent(true, false, false), null, null, null,
				List.of(new ContactRequestDetails.History("RECEIVED", received, RequestStatus.RECEIVED, Source.WEB,
						null, null, null)));
	}

	/** A valid body, changed by {@code edit}. */
	private static String body(Consumer<Map<String, Object>> edit) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", NAME);
		body.put("phone", PHONE);
		body.put("email", null);
		body.put("preferredContact", "PHONE");
		body.put("bestTimeToContact", "evenings");
		body.put("forWhom", "SELF");
		body.put("substances", new ArrayList<>(List.of("heroin")));
		body.put("message", MESSAGE);
		body.put("centerId", null);
		Map<String, Object> consent = new LinkedHashMap<>();
		consent.put("contact", true);
		consent.put("text", false);
		consent.put("voicemail", false);
		body.put("consent", consent);
		edit.accept(body);
		return json.writeValueAsString(body);
	}

	private static Consumer<Map<String, Object>> edit(Consumer<Map<String, Object>> edit) {
		return edit;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> consent(Map<String, Object> body) {
		return (Map<String, Object>) body.get("consent");
	}

}
