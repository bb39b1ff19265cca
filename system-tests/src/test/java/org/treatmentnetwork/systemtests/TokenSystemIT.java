package org.treatmentnetwork.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.treatmentnetwork.localstack.StackConfig;
import org.treatmentnetwork.localstack.tokens.DevTokens;
import org.treatmentnetwork.systemtests.SuiteClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff tokens through the running suite, all signed by the launcher's development key:
 * the launcher's own tokens pass the gateway and every service, and tokens breaking one
 * rule are refused by the gateway and, called directly on their own ports, by the
 * services too.
 */
@ExtendWith(RunningSuite.class)
class TokenSystemIT {

	@Test
	void theLaunchersTokensAreAcceptedThroughTheGateway() {
		SuiteClient gateway = RunningSuite.gateway();
		for (String service : List.of("content", "intake", "notification")) {
			StaffCall call = StaffCall.of(service);
			assertThat(gateway.get(call.path(), RunningSuite.token("token-it", call.role())).status()).as(service)
				.isEqualTo(200);
		}
	}

	@Test
	void theGatewayRefusesATokenFromAnotherIssuer() {
		expectRefused(RunningSuite.gateway(), StaffCall.of("intake"),
				(claims) -> claims.issuer("https://attacker.example"));
	}

	@Test
	void theGatewayRefusesATokenWithoutAudience() {
		expectRefused(RunningSuite.gateway(), StaffCall.of("intake"), (claims) -> claims.audience((String) null));
	}

	@Test
	void theGatewayRefusesATokenWithoutExpiry() {
		expectRefused(RunningSuite.gateway(), StaffCall.of("intake"), (claims) -> claims.expirationTime(null));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "content", "intake", "notification" })
	void aServiceAcceptsTheLaunchersTokenOnItsOwnPort(String service) {
		StaffCall call = StaffCall.of(service);
		assertThat(direct(service).get(call.path(), RunningSuite.token("token-it", call.role())).status())
			.isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "content", "intake", "notification" })
	void aServiceRefusesATokenFromAnotherIssuerWhenTheGatewayIsBypassed(String service) {
		expectRefused(direct(service), StaffCall.of(service), (claims) -> claims.issuer("https://attacker.example"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "content", "intake", "notification" })
	void aServiceRefusesATokenWithoutSubjectWhenTheGatewayIsBypassed(String service) {
		expectRefused(direct(service), StaffCall.of(service), (claims) -> claims.subject(null));
	}

	private static void expectRefused(SuiteClient client, StaffCall call, UnaryOperator<JWTClaimsSet.Builder> change) {
		DevTokens tokens = RunningSuite.stack().tokens();
		String token = tokens
			.sign(change.apply(tokens.claims("token-it", List.of(call.role()), Instant.now(), Duration.ofMinutes(10)))
				.build());
		Reply reply = client.get(call.path(), token);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.body()).doesNotContain(token).doesNotContain(token.split("\\.")[1]);
	}

	private static SuiteClient direct(String service) {
		StackConfig config = RunningSuite.config();
		int port = switch (service) {
			case "content" -> config.ports().content();
			case "intake" -> config.ports().intake();
			case "notification" -> config.ports().notification();
			default -> throw new IllegalArgumentException(service);
		};
		return new SuiteClient("http://" + config.host() + ":" + port);
	}

	/** A read of each service that needs a staff role. */
	private record StaffCall(String path, String role) {

		static StaffCall of(String service) {
			return switch (service) {
				case "content" -> new StaffCall("/api/content/articles?status=draft", "EDITOR");
				case "intake" -> new StaffCall("/api/intake/queue", "INTAKE_AGENT");
				case "notification" -> new StaffCall("/api/alerts", "ON_CALL");
				default -> throw new IllegalArgumentException(service);
			};
		}

	}

}
