package org.treatmentnetwork.notification.contactmethods;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.channels.AlertMessage;
import org.treatmentnetwork.notification.channels.DeliveryChannel;
import org.treatmentnetwork.notification.channels.Sent;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.OnCallTestConfiguration;
import org.treatmentnetwork.notification.oncall.StaffDocument;
import org.treatmentnetwork.notification.security.SecurityConfiguration;
import org.treatmentnetwork.notification.store.StoreInitializer;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.AutoConfigureDataMongo;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The contact-method API over HTTP with real staff tokens, against the embedded MongoDB
 * server and the seeded demo network; channels that record what they would send, and a
 * clock moved by hand.
 */
@WebFluxTest(controllers = ContactMethodsController.class,
		properties = { "notification.on-call.default-team=network", "notification.on-call.seed-demo-network=true" })
@AutoConfigureDataMongo
@EnableConfigurationProperties(ContactMethodsProperties.class)
@Import({ SecurityConfiguration.class, OnCallTestConfiguration.class, ContactMethods.class,
		ContactMethodConfirmations.class, SendLimits.class, ContactMethodsControllerTests.Beans.class })
class ContactMethodsControllerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String AVERY = "avery-example";

	private static final String AVERY_EMAIL = "avery.example@staff.treatment-network.test";

	private static final String AVERY_SMS = "+12025550101";

	private static final String NEW_NUMBER = "+12025550199";

	private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("contact-methods-tests"));
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				TestStaffTokens.shared()::publicKeyLocation);
	}

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private List<StoreInitializer> seed;

	@Autowired
	private List<RecordingChannel> channels;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void freshNetwork() {
		for (String collection : List.of("teams", StaffDocument.COLLECTION, ConfirmationDocument.COLLECTION,
				SendLimits.COLLECTION)) {
			this.mongo.remove(new Query(), collection).block(TIMEOUT);
		}
		this.seed.forEach((initializer) -> initializer.initialize().block(TIMEOUT));
		this.channels.forEach(RecordingChannel::reset);
	}

	@Test
	void staffReadTheirOwnMethodsInPagingOrder() {
		as(AVERY, "ON_CALL").get()
			.uri("/api/on-call/me/contact-methods")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.staffId")
			.isEqualTo(AVERY)
			.jsonPath("$.methods[*].confirmed")
			.value((confirmed) -> assertThat((List<?>) confirmed).isNotEmpty().allMatch(Boolean.TRUE::equals))
			.jsonPath("$.methods[0].kind")
			.isEqualTo("EMAIL")
			.jsonPath("$.methods[0].address")
			.isEqualTo(AVERY_EMAIL)
			.jsonPath("$.methods[0].urgencies.length()")
			.isEqualTo(0)
			.jsonPath("$.methods[0].confirmed")
			.isEqualTo(true)
			.jsonPath("$.methods[1].kind")
			.isEqualTo("SMS")
			.jsonPath("$.methods[1].address")
			.isEqualTo(AVERY_SMS)
			.jsonPath("$.methods[1].urgencies[0]")
			.isEqualTo("CRISIS")
			.jsonPath("$.methods[1].confirmed")
			.isEqualTo(true)
			.jsonPath("$.methods[1].confirmation")
			.isEmpty();
		as("morgan-example", "SUPERVISOR").get()
			.uri("/api/on-call/me/contact-methods")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.staffId")
			.isEqualTo("morgan-example");
	}

	@Test
	void aCallerWithoutAStaffRecordIsToldToAskASupervisor() {
		as("nurse-1", "ON_CALL").get()
			.uri("/api/on-call/me/contact-methods")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("There is no on-call staff record for you. Ask a supervisor to add you.");
		as("nurse-1", "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(methods(method("EMAIL", "nurse@staff.treatment-network.test", null)))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(sent()).isEmpty();
	}

	@Test
	void tokensAreRequiredAndOtherRolesRefused() {
		this.client.get().uri("/api/on-call/me/contact-methods").exchange().expectStatus().isUnauthorized();
		as(AVERY, "EDITOR").get().uri("/api/on-call/me/contact-methods").exchange().expectStatus().isForbidden();
	}

	@Test
	void aPutReplacesTheListInOrderAndAGetReadsItBack() {
		as(AVERY, "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(methods(method("SMS", "+1 (202) 555-0101", List.of("CRISIS", "HIGH")),
					method("WEBHOOK", "https://chat.example.org/hooks/T0001/secret-path", null),
					method("EMAIL", " avery.example@STAFF.treatment-network.test ", List.of())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.staffId")
			.isEqualTo(AVERY)
			.jsonPath("$.methods[0].kind")
			.isEqualTo("SMS")
			.jsonPath("$.methods[0].address")
			.isEqualTo(AVERY_SMS)
			.jsonPath("$.methods[0].urgencies")
			.isEqualTo(List.of("CRISIS", "HIGH"))
			.jsonPath("$.methods[0].confirmed")
			.isEqualTo(true)
			.jsonPath("$.methods[0].confirmation")
			.isEmpty()
			.jsonPath("$.methods[1].kind")
			.isEqualTo("WEBHOOK")
			.jsonPath("$.methods[1].confirmed")
			.isEqualTo(false)
			.jsonPath("$.methods[1].confirmation")
			.isEqualTo("SENT")
			.jsonPath("$.methods[2].kind")
			.isEqualTo("EMAIL")
			.jsonPath("$.methods[2].address")
			.isEqualTo(AVERY_EMAIL)
			.jsonPath("$.methods[2].confirmed")
			.isEqualTo(true);

		assertThat(sent()).singleElement().satisfies((message) -> {
			assertThat(message.kind()).isEqualTo(ContactMethod.Kind.WEBHOOK);
			assertThat(message.staffId()).isEqualTo(AVERY);
			assertThat(message.message().to()).isEqualTo("https://chat.example.org/hooks/T0001/secret-path");
			assertThat(message.message().deliveryId()).isNull();
			assertThat(message.message().urgent()).isFalse();
			assertThat(message.message().fields()).containsEntry("kind", "CONFIRMATION_CODE")
				.containsEntry("code", code(message));
		});
		as(AVERY, "ON_CALL").get()
			.uri("/api/on-call/me/contact-methods")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.methods[*].kind")
			.isEqualTo(List.of("SMS", "WEBHOOK", "EMAIL"))
			.jsonPath("$.methods[*].confirmed")
			.isEqualTo(List.of(true, false, true))
			.jsonPath("$.methods[1].confirmation")
			.isEmpty();
		assertThat(staff(AVERY).methods()).extracting(ContactMethod::usable).containsExactly(true, false, true);
	}

	@Test
	void invalidBodiesAreRefusedWithEveryFieldAndChangeNothing() {
		StaffDocument before = staff(AVERY);

		assertInvalid(methods(), "methods");
		assertInvalid("{}", "methods");
		assertInvalid(methods(IntStream.range(0, 11)
			.mapToObj((i) -> method("SMS", "+120255501" + (10 + i), null))
			.toArray(Map[]::new)), "methods");
		assertInvalid(methods(method("FAX", "+12025550199", null)), "methods[0].kind");
		assertInvalid(methods(method("SMS", "202-555-0199", null)), "methods[0].address");
		assertInvalid(methods(method("VOICE", "+1234567", null)), "methods[0].address");
		assertInvalid(methods(method("VOICE", "+1234567890123456", null)), "methods[0].address");
		assertInvalid(methods(method("EMAIL", "avery.example", null)), "methods[0].address");
		assertInvalid(methods(method("EMAIL", " ", null)), "methods[0].address");
		assertInvalid(methods(method("WEBHOOK", "http://chat.example.org/hooks/1", null)), "methods[0].address");
		assertInvalid(methods(method("WEBHOOK", "http://localhost:9999/hooks/1", null)), "methods[0].address");
		assertInvalid(methods(method("EMAIL", AVERY_EMAIL, List.of("SOMETIMES"))), "methods[0].urgencies");
		assertInvalid(methods(method("SMS", "+1 202 555 0199", null), method("SMS", "+12025550199", null)),
				"methods[1]");
		as(AVERY, "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(methods(method("FAX", "+12025550199", null), method("EMAIL", AVERY_EMAIL, null),
					method("SMS", "+44 20 7946 0000 12345", List.of("ALWAYS"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/validation")
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("methods[0].kind", "methods[2].address", "methods[2].urgencies"))
			.jsonPath("$.errors[*].message")
			.value((messages) -> assertThat(messages.toString()).doesNotContain("FAX", "7946", "ALWAYS"));

		assertThat(staff(AVERY)).isEqualTo(before);
		assertThat(sent()).isEmpty();
		assertThat(this.mongo.count(new Query(), ConfirmationDocument.COLLECTION).block(TIMEOUT)).isZero();
	}

	@Test
	void aNewNumberIsUnusableUntilItsCodeIsEnteredAndWrongCodesCountDown() {
		String code = addNumber(AVERY, "+1 202-555-0199");
		assertThat(sent()).singleElement().satisfies((message) -> {
			assertThat(message.kind()).isEqualTo(ContactMethod.Kind.SMS);
			assertThat(message.message().to()).isEqualTo(NEW_NUMBER);
			assertThat(message.message().shortText()).contains(code).contains("15 minutes");
		});
		ContactMethod added = staff(AVERY).methods().get(1);
		assertThat(added.confirmed()).isFalse();
		assertThat(added.usable()).isFalse();
		Document stored = this.mongo.findOne(new Query(), Document.class, ConfirmationDocument.COLLECTION)
			.block(TIMEOUT);
		assertThat(stored.toJson()).doesNotContain(code).doesNotContain("2025550199");
		assertThat(stored.getString("staffId")).isEqualTo(AVERY);
		assertThat(stored.getInteger("attemptsLeft")).isEqualTo(5);

		String wrong = code.equals("000000") ? "111111" : "000000";
		confirm(AVERY, "SMS", NEW_NUMBER, wrong).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The code is not the one sent. 4 attempts left.")
			.jsonPath("$.errors[0].field")
			.isEqualTo("code")
			.jsonPath("$")
			.value((problem) -> assertThat(problem.toString()).doesNotContain(wrong).doesNotContain(code));
		confirm(AVERY, "SMS", "+1 (202) 555-0199", wrong).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The code is not the one sent. 3 attempts left.");
		assertThat(staff(AVERY).methods().get(1).usable()).isFalse();

		confirm(AVERY, "SMS", NEW_NUMBER, code.substring(0, 3) + " " + code.substring(3)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.methods[1].address")
			.isEqualTo(NEW_NUMBER)
			.jsonPath("$.methods[1].confirmed")
			.isEqualTo(true);
		assertThat(staff(AVERY).methods().get(1).usable()).isTrue();
		assertThat(this.mongo.count(new Query(), ConfirmationDocument.COLLECTION).block(TIMEOUT)).isZero();

		// the same list again, reordered and with another urgency: nothing to confirm
		as(AVERY, "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(methods(method("SMS", NEW_NUMBER, List.of("CRISIS")), method("EMAIL", AVERY_EMAIL, null)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.methods[*].confirmed")
			.isEqualTo(List.of(true, true))
			.jsonPath("$.methods[0].confirmation")
			.isEmpty();
		assertThat(sent()).hasSize(1);
		// confirming a confirmed method changes nothing
		confirm(AVERY, "SMS", NEW_NUMBER, wrong).expectStatus().isOk();
	}

	@Test
	void aCodeUsedUpOrExpiredCannotBeEnteredAndANewOneIsAskedFor() {
		String code = addNumber(AVERY, NEW_NUMBER);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int attempt = 4; attempt > 0; attempt--) {
			confirm(AVERY, "SMS", NEW_NUMBER, wrong).expectStatus().isBadRequest();
		}
		confirm(AVERY, "SMS", NEW_NUMBER, wrong).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The code is not the one sent, and no attempts are left. Ask for a new code.");
		confirm(AVERY, "SMS", NEW_NUMBER, code).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("Ask for a new code"));
		assertThat(staff(AVERY).methods().get(1).usable()).isFalse();

		this.clock.advance(Duration.ofMinutes(1));
		newCode(AVERY, "SMS", NEW_NUMBER).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.methods[1].confirmation")
			.isEqualTo("SENT")
			.jsonPath("$.methods[1].confirmed")
			.isEqualTo(false);
		String second = code(sent().getLast());
		this.clock.advance(Duration.ofMinutes(15));
		confirm(AVERY, "SMS", NEW_NUMBER, second).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("expired").contains("Ask for a new code"));

		this.clock.advance(Duration.ofMinutes(1));
		newCode(AVERY, "SMS", NEW_NUMBER).expectStatus().isOk();
		confirm(AVERY, "SMS", NEW_NUMBER, code(sent().getLast())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.methods[1].confirmed")
			.isEqualTo(true);
	}

	@Test
	void newCodesGoOutAtMostOnceAMinutePerMethodAndFivePerHourPerPerson() {
		addNumber(AVERY, NEW_NUMBER);

		newCode(AVERY, "SMS", NEW_NUMBER).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "60")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/rate-limited");
		this.clock.advance(Duration.ofSeconds(45));
		newCode(AVERY, "SMS", NEW_NUMBER).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "15");
		assertThat(sent()).hasSize(1);

		// the PUT's code and four more within the hour
		for (int code = 2; code <= 5; code++) {
			this.clock.advance(Duration.ofMinutes(1));
			newCode(AVERY, "SMS", NEW_NUMBER).expectStatus().isOk();
		}
		assertThat(sent()).hasSize(5);
		this.clock.advance(Duration.ofMinutes(1));
		// 5 min 45 s after the first code
		newCode(AVERY, "SMS", NEW_NUMBER).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, String.valueOf(Duration.ofMinutes(54).plusSeconds(15).toSeconds()))
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("You have asked for 5 codes within 1 hour. Ask again later.");
		assertThat(sent()).hasSize(5);

		this.clock.advance(Duration.ofMinutes(56));
		newCode(AVERY, "SMS", NEW_NUMBER).expectStatus().isOk();
		assertThat(sent()).hasSize(6);
		// only the last code counts
		confirm(AVERY, "SMS", NEW_NUMBER, code(sent().get(4))).expectStatus().isBadRequest();
		confirm(AVERY, "SMS", NEW_NUMBER, code(sent().getLast())).expectStatus().isOk();
		newCode(AVERY, "SMS", NEW_NUMBER).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		newCode(AVERY, "SMS", "+12025550198").expectStatus().isNotFound();
	}

	@Test
	void testMessagesGoToConfirmedMethodsOnlyAtMostThreeInTenMinutes() {
		String code = addNumber(AVERY, NEW_NUMBER);
		this.channels.forEach(RecordingChannel::reset);

		test(AVERY, "SMS", NEW_NUMBER).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		for (int i = 0; i < 3; i++) {
			test(AVERY, "EMAIL", AVERY_EMAIL).expectStatus()
				.isAccepted()
				.expectBody()
				.jsonPath("$.kind")
				.isEqualTo("EMAIL")
				.jsonPath("$.address")
				.isEqualTo(AVERY_EMAIL)
				.jsonPath("$.result")
				.isEqualTo("SENT");
			this.clock.advance(Duration.ofMinutes(1));
		}
		test(AVERY, "EMAIL", AVERY_EMAIL).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, String.valueOf(Duration.ofMinutes(7).toSeconds()));
		assertThat(sent()).hasSize(3).allSatisfy((message) -> {
			assertThat(message.kind()).isEqualTo(ContactMethod.Kind.EMAIL);
			assertThat(message.message().to()).isEqualTo(AVERY_EMAIL);
			assertThat(message.message().body())
				.isEqualTo("Test page from the treatment network: this is how your pages arrive.\n");
			assertThat(message.message().shortText())
				.isEqualTo("Test page from the treatment network: this is how your pages arrive.");
			assertThat(message.message().fields()).containsOnly(Map.entry("kind", "TEST_PAGE"));
			assertThat(message.message().deliveryId()).isNull();
			assertThat(message.message().urgent()).isFalse();
		});
		test(AVERY, "VOICE", AVERY_SMS).expectStatus().isNotFound();

		this.clock.advance(Duration.ofMinutes(7));
		confirm(AVERY, "SMS", NEW_NUMBER, code).expectStatus().isOk();
		test(AVERY, "SMS", NEW_NUMBER).expectStatus().isAccepted();
		assertThat(sent().getLast().kind()).isEqualTo(ContactMethod.Kind.SMS);
		assertThat(sent().getLast().message().to()).isEqualTo(NEW_NUMBER);
	}

	@Test
	void aCodeThatCannotBeSentDoesNotFailThePut() {
		channel(ContactMethod.Kind.VOICE).failing = true;

		as(AVERY, "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(methods(method("EMAIL", AVERY_EMAIL, null), method("VOICE", NEW_NUMBER, List.of("CRISIS"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.methods[1].kind")
			.isEqualTo("VOICE")
			.jsonPath("$.methods[1].confirmed")
			.isEqualTo(false)
			.jsonPath("$.methods[1].confirmation")
			.isEqualTo("NOT_SENT");
		assertThat(staff(AVERY).methods()).extracting(ContactMethod::kind)
			.containsExactly(ContactMethod.Kind.EMAIL, ContactMethod.Kind.VOICE);

		channel(ContactMethod.Kind.VOICE).failing = false;
		this.clock.advance(Duration.ofMinutes(1));
		newCode(AVERY, "VOICE", NEW_NUMBER).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.methods[1].confirmation")
			.isEqualTo("SENT");
		assertThat(sent().getLast().message().speech()).contains(String.join(", ", code(sent().getLast()).split("")));
	}

	@Test
	void theTeamsSupervisorSeesItsPeopleWithMaskedAddressesAndWhoIsUnreachable() {
		this.mongo.updateFirst(query(where("_id").is("jordan-example")),
				new Update().set(StaffDocument.CONTACT_METHODS,
						List.of(new ContactMethod(ContactMethod.Kind.SMS, NEW_NUMBER, null, false))),
				StaffDocument.class)
			.block(TIMEOUT);
		this.mongo
			.updateFirst(query(where("_id").is("riley-example")),
					new Update().set(StaffDocument.CONTACT_METHODS,
							List.of(new ContactMethod(ContactMethod.Kind.WEBHOOK,
									"https://chat.example.org/hooks/secret", null, true))),
					StaffDocument.class)
			.block(TIMEOUT);
		Instant now = this.clock.instant();
		this.mongo.updateFirst(query(where("_id").is("network")),
				new Update().set("overrides",
						List.of(new Document("from", Date.from(now.plus(Duration.ofHours(1))))
							.append("until", Date.from(now.plus(Duration.ofHours(5))))
							.append("staffId", "casey-example"),
								new Document("from", Date.from(now.minus(Duration.ofDays(2))))
									.append("until", Date.from(now.minus(Duration.ofDays(1))))
									.append("staffId", "drew-example"))),
				"teams")
			.block(TIMEOUT);

		byte[] body = as("morgan-example", "SUPERVISOR").get()
			.uri("/api/on-call/teams/network/contact-methods")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.team")
			.isEqualTo("network")
			.jsonPath("$.members[*].staffId")
			.isEqualTo(List.of(AVERY, "jordan-example", "riley-example", "casey-example", "morgan-example"))
			.jsonPath("$.members[0].displayName")
			.isEqualTo("Avery Example")
			.jsonPath("$.members[0].reachable")
			.isEqualTo(true)
			.jsonPath("$.members[0].methods[0].kind")
			.isEqualTo("EMAIL")
			.jsonPath("$.members[0].methods[0].address")
			.isEqualTo("a•••@staff.treatment-network.test")
			.jsonPath("$.members[0].methods[0].confirmed")
			.isEqualTo(true)
			.jsonPath("$.members[0].methods[1].address")
			.isEqualTo("+1•••••••01")
			.jsonPath("$.members[0].methods[1].urgencies[0]")
			.isEqualTo("CRISIS")
			.jsonPath("$.members[1].reachable")
			.isEqualTo(false)
			.jsonPath("$.members[1].methods[0].address")
			.isEqualTo("+1•••••••99")
			.jsonPath("$.members[1].methods[0].confirmed")
			.isEqualTo(false)
			.jsonPath("$.members[2].methods[0].address")
			.isEqualTo("chat.example.org")
			.jsonPath("$.members[2].reachable")
			.isEqualTo(true)
			.jsonPath("$.unreachable")
			.isEqualTo(List.of("jordan-example"))
			.returnResult()
			.getResponseBodyContent();
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("2025550101", "2025550199",
				"avery.example@", "/hooks/", "drew-example");
	}

	@Test
	void onlyTheTeamsSupervisorsSeeItsContactMethods() {
		as("quinn-example", "SUPERVISOR").get()
			.uri("/api/on-call/teams/network/contact-methods")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Only this team's supervisors may see its contact methods.");
		as("morgan-example", "ON_CALL").get()
			.uri("/api/on-call/teams/network/contact-methods")
			.exchange()
			.expectStatus()
			.isForbidden();
		as(AVERY, "ON_CALL").get()
			.uri("/api/on-call/teams/network/contact-methods")
			.exchange()
			.expectStatus()
			.isForbidden();
		as("morgan-example", "SUPERVISOR").get()
			.uri("/api/on-call/teams/nope/contact-methods")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		as("quinn-example", "SUPERVISOR").get()
			.uri("/api/on-call/teams/center-demo-ridge/contact-methods")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.members[*].staffId")
			.isEqualTo(List.of("skyler-example", "taylor-example", "quinn-example"));
	}

	@Test
	void nobodyCanReplaceTheirLastConfirmedCrisisMethodBeforeTheNewOneIsConfirmed() {
		StaffDocument before = staff(AVERY);

		as(AVERY, "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("methods", List.of(method("SMS", "+12025550177", null))))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("until the new one is confirmed"));

		assertThat(staff(AVERY)).isEqualTo(before);
		assertThat(sent()).isEmpty();
	}

	@Test
	void theStaffIdAlwaysComesFromTheToken() {
		StaffDocument jordan = staff("jordan-example");

		as(AVERY, "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("staffId", "jordan-example", "methods",
					List.of(method("EMAIL", "avery.example@staff.treatment-network.test", null),
							method("EMAIL", "avery.other@staff.treatment-network.test", null))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.staffId")
			.isEqualTo(AVERY);
		assertThat(staff("jordan-example")).isEqualTo(jordan);
		assertThat(staff(AVERY).methods()).extracting(ContactMethod::address)
			.containsExactly("avery.example@staff.treatment-network.test", "avery.other@staff.treatment-network.test");
		assertThat(sent()).singleElement().satisfies((message) -> assertThat(message.staffId()).isEqualTo(AVERY));

		// Jordan's methods are not Avery's: no code, no test, no confirmation of them
		confirm(AVERY, "SMS", "+12025550102", "123456").expectStatus().isNotFound();
		newCode(AVERY, "SMS", "+12025550102").expectStatus().isNotFound();
		test(AVERY, "EMAIL", "jordan.example@staff.treatment-network.test").expectStatus().isNotFound();
		as(AVERY, "ON_CALL").get()
			.uri("/api/on-call/me/contact-methods?staffId=jordan-example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.staffId")
			.isEqualTo(AVERY);
		assertThat(staff("jordan-example")).isEqualTo(jordan);
		assertThat(sent()).hasSize(1);
	}

	private String addNumber(String staffId, String number) {
		StaffDocument before = staff(staffId);
		as(staffId, "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(methods(method("EMAIL", before.methods().getFirst().address(), null),
					method("SMS", number, List.of("CRISIS"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.methods[1].confirmed")
			.isEqualTo(false)
			.jsonPath("$.methods[1].confirmation")
			.isEqualTo("SENT");
		return code(sent().getLast());
	}

	private WebTestClient.ResponseSpec confirm(String staffId, String kind, String address, String code) {
		return as(staffId, "ON_CALL").post()
			.uri("/api/on-call/me/contact-methods/confirm")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "address", address, "code", code))
			.exchange();
	}

	private WebTestClient.ResponseSpec newCode(String staffId, String kind, String address) {
		return as(staffId, "ON_CALL").post()
			.uri("/api/on-call/me/contact-methods/code")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "address", address))
			.exchange();
	}

	private WebTestClient.ResponseSpec test(String staffId, String kind, String address) {
		return as(staffId, "ON_CALL").post()
			.uri("/api/on-call/me/contact-methods/test")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "address", address))
			.exchange();
	}

	private void assertInvalid(Object body, String field) {
		as(AVERY, "ON_CALL").put()
			.uri("/api/on-call/me/contact-methods")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private WebTestClient as(String staffId, String... roles) {
		return this.client.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestStaffTokens.shared().token(staffId, roles))
			.build();
	}

	private StaffDocument staff(String staffId) {
		return this.mongo.findById(staffId, StaffDocument.class).block(TIMEOUT);
	}

	private RecordingChannel channel(ContactMethod.Kind kind) {
		return this.channels.stream().filter((channel) -> channel.kind() == kind).findFirst().orElseThrow();
	}

	private List<Recorded> sent() {
		return this.channels.stream()
			.flatMap((channel) -> channel.sent.stream())
			.sorted(Comparator.comparingLong(Recorded::order))
			.toList();
	}

	private static String code(Recorded message) {
		Matcher matcher = CODE.matcher(message.message().shortText());
		assertThat(matcher.find()).as("a code in the message").isTrue();
		return matcher.group(1);
	}

	@SafeVarargs
	private static Map<String, Object> methods(Map<String, Object>... methods) {
		return Map.of("methods", List.of(methods));
	}

	private static Map<String, Object> method(String kind, String address, List<String> urgencies) {
		return (urgencies != null) ? Map.of("kind", kind, "address", address, "urgencies", urgencies)
				: Map.of("kind", kind, "address", address);
	}

	/**
	 * What a channel would have sent.
	 */
	record Recorded(long order, ContactMethod.Kind kind, String staffId, AlertMessage message) {

	}

	/**
	 * A channel that records what it is given instead of sending it, or fails.
	 */
	static final class RecordingChannel implements DeliveryChannel {

		private static final AtomicLong ORDER = new AtomicLong();

		private final ContactMethod.Kind kind;

		private final Queue<Recorded> sent = new ConcurrentLinkedQueue<>();

		private volatile boolean failing;

		RecordingChannel(ContactMethod.Kind kind) {
			this.kind = kind;
		}

		@Override
		public ContactMethod.Kind kind() {
			return this.kind;
		}

		@Override
		public TimelineChannel timelineChannel() {
			return TimelineChannel.valueOf(this.kind.name());
		}

		@Override
		public Mono<Sent> send(String staffId, AlertMessage message) {
			if (this.failing) {
				return Mono.error(new IllegalStateException("provider down"));
			}
			return Mono.fromCallable(() -> {
				this.sent.add(new Recorded(ORDER.incrementAndGet(), this.kind, staffId, message));
				return Sent.NO_RECEIPT;
			});
		}

		void reset() {
			this.sent.clear();
			this.failing = false;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2030-01-07T15:00:00Z"));
		}

		@Bean
		RecordingChannel email() {
			return new RecordingChannel(ContactMethod.Kind.EMAIL);
		}

		@Bean
		RecordingChannel sms() {
			return new RecordingChannel(ContactMethod.Kind.SMS);
		}

		@Bean
		RecordingChannel voice() {
			return new RecordingChannel(ContactMethod.Kind.VOICE);
		}

		@Bean
		RecordingChannel webhook() {
			return new RecordingChannel(ContactMethod.Kind.WEBHOOK);
		}

	}

}
