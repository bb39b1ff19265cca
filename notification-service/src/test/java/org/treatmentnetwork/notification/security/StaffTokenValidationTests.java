package org.treatmentnetwork.notification.security;

import java.time.Duration;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.servicedefaults.tokens.StaffTokenRulesContract;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each rule a staff token must meet besides its signature
 * ({@link StaffTokenRulesContract}), sent to the running service over HTTP as an on-call
 * member reading the alerts. The service checks them itself, so a call that bypasses the
 * gateway meets the same rules.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureWebTestClient
@EmbeddedKafka(partitions = 1, topics = { "intake.contact-requests.v1", "intake.contact-requests.v1.DLT" })
class StaffTokenValidationTests implements StaffTokenRulesContract {

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("notification-tokens"));
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				TestStaffTokens.shared()::publicKeyLocation);
	}

	@BeforeEach
	void patientClient() {
		// the first requests of a new context can be slow on a loaded machine
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Override
	public WebTestClient client() {
		return this.client;
	}

	@Override
	public String protectedPath() {
		return "/api/alerts";
	}

	@Override
	public HttpStatus acceptedStatus() {
		return HttpStatus.OK;
	}

	@Override
	public JWTClaimsSet.Builder validClaims() {
		return TestStaffTokens.shared().claims("avery-example", "ON_CALL");
	}

}
