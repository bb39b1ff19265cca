package org.treatmentnetwork.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SuiteTopologyTests {

	private final StackConfig config = StackConfig.fromEnvironment(Path.of("/repo"), Map.of());

	private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

	private final SuiteTopology topology = SuiteTopology.of(this.config, Path.of("/repo/.data/dev-keys/jwt-public.pem"),
			"link-secret", new SuiteTopology.TwilioAccount(ACCOUNT_SID, "twilio-token"));

	@Test
	void theInfrastructureStartsBeforeTheServices() {
		assertThat(this.topology.infrastructure()).extracting(Component::name)
			.containsExactly("mongodb", "smtp", "kafka", "sms");
		assertThat(this.topology.infrastructure()).extracting(Component::kind)
			.containsOnly(Component.Kind.INFRASTRUCTURE);
		assertThat(this.topology.services()).extracting(Component::name)
			.containsExactlyElementsOf(SuiteTopology.SERVICE_MODULES);
		assertThat(this.topology.services()).extracting(Component::kind).containsOnly(Component.Kind.SERVICE);
	}

	@Test
	void everyServiceGetsTheBrokerTheTokenSettingsTheKeyAndTheLocalProfile() {
		assertThat(this.topology.services()).allSatisfy((service) -> {
			assertThat(service.environment()).contains(entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
					entry("STAFF_TOKEN_ISSUER", "treatment-network-local"),
					entry("STAFF_TOKEN_AUDIENCE", "treatment-network"));
			assertThat(service.arguments()).containsExactly(
					"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:/repo/.data/dev-keys/jwt-public.pem",
					"--spring.profiles.active=local");
			assertThat(service.heap()).isEqualTo("-Xmx384m");
		});
	}

	@Test
	void theServicesListenOnLoopbackAndTheGatewayRoutesToThem() {
		assertThat(component("notification-service").environment()).contains(entry("SERVER_ADDRESS", "127.0.0.1"),
				entry("NOTIFICATION_PORT", "8083"), entry("MONGODB_URI", "mongodb://127.0.0.1:27017/notification"),
				entry("SMTP_HOST", "127.0.0.1"), entry("SMTP_PORT", "2525"),
				entry("PUBLIC_BASE_URL", "http://localhost:8080"), entry("ALERT_LINK_SECRET", "link-secret"),
				entry("TWILIO_ACCOUNT_SID", ACCOUNT_SID), entry("TWILIO_AUTH_TOKEN", "twilio-token"),
				entry("TWILIO_FROM_NUMBER", "+12025550100"), entry("TWILIO_API_BASE_URL", "http://127.0.0.1:8086"));
		Component gateway = component("gateway");
		assertThat(gateway.environment()).doesNotContainKey("SERVER_ADDRESS")
			.contains(entry("GATEWAY_PORT", "8080"), entry("GATEWAY_MANAGEMENT_PORT", "8090"),
					entry("GATEWAY_MANAGEMENT_ADDRESS", "127.0.0.1"),
					entry("CONTENT_SERVICE_URL", "http://127.0.0.1:8081"),
					entry("INTAKE_SERVICE_URL", "http://127.0.0.1:8082"),
					entry("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:8083"));
		assertThat(gateway.readinessPort()).isEqualTo(8090);
	}

	@Test
	void theInfrastructureIsGivenItsAddressPortAndFolder() {
		assertThat(component("mongodb").arguments()).containsExactly("127.0.0.1", "27017",
				Path.of("/repo/.data/mongodb/mongo.mv").toString());
		assertThat(component("smtp").arguments()).containsExactly("127.0.0.1", "2525",
				Path.of("/repo/.data/mail").toString());
		assertThat(component("kafka").jvmOptions())
			.containsExactly("-Dlog4j2.configurationFile=" + Path.of("/repo/.data/kafka/log4j2.xml"));
		assertThat(component("kafka").arguments()).hasSize(1);
		assertThat(List.of(component("mongodb"), component("smtp"), component("kafka")))
			.allSatisfy((infrastructure) -> assertThat(infrastructure.environment()).isEmpty());
	}

	@Test
	void theSmsSimulatorHasTheAccountTheSenderAndTheGatewaysInboundWebhook() {
		Component sms = component("sms");
		assertThat(sms.description()).isEqualTo("Text and voice provider simulator (Twilio's REST API)");
		assertThat(sms.program()).isEqualTo("org.treatmentnetwork.localstack.sms.ProviderSimulator");
		assertThat(sms.heap()).isEqualTo("-Xmx64m");
		assertThat(sms.readinessPort()).isEqualTo(8086);
		assertThat(sms.arguments()).containsExactly("127.0.0.1", "8086", Path.of("/repo/.data/sms").toString());
		assertThat(sms.environment()).containsOnly(entry("SMS_SIMULATOR_ACCOUNT_SID", ACCOUNT_SID),
				entry("SMS_SIMULATOR_AUTH_TOKEN", "twilio-token"), entry("SMS_SIMULATOR_FROM_NUMBER", "+12025550100"),
				entry("SMS_SIMULATOR_INBOUND_URL", "http://localhost:8080/api/paging/twilio/inbound-message"));
	}

	@Test
	void everyPortIsNamedWithItsVariable() {
		assertThat(SuiteTopology.ports(this.config.ports())).containsEntry("SMTP server (SMTP_PORT)", 2525)
			.containsEntry("SMS and voice simulator (SMS_SIMULATOR_PORT)", 8086)
			.hasSize(10);
		assertThat(SuiteTopology.ports(this.config.ports()).values()).doesNotHaveDuplicates();
	}

	@Test
	void withTwoReplicasEveryServiceAndTheGatewayRunTwiceAndEveryGatewayKnowsEveryInstance() {
		SuiteTopology two = SuiteTopology.of(this.config.withReplicas(2),
				Path.of("/repo/.data/dev-keys/jwt-public.pem"), "link-secret",
				new SuiteTopology.TwilioAccount(ACCOUNT_SID, "twilio-token"));
		assertThat(two.services()).extracting(Component::name)
			.containsExactly("content-service", "content-service-2", "intake-service", "intake-service-2",
					"notification-service", "notification-service-2", "gateway", "gateway-2");
		assertThat(two.services()).extracting(Component::program)
			.containsExactly("content-service", "content-service", "intake-service", "intake-service",
					"notification-service", "notification-service", "gateway", "gateway");
		Component intake2 = two.services().get(3);
		assertThat(intake2.environment()).contains(entry("INTAKE_PORT", "8182"),
				entry("MONGODB_URI", "mongodb://127.0.0.1:27017/intake"));
		assertThat(intake2.readinessPort()).isEqualTo(8182);
		Component gateway2 = two.services().get(7);
		assertThat(gateway2.environment()).contains(entry("GATEWAY_PORT", "8180"),
				entry("GATEWAY_MANAGEMENT_PORT", "8190"),
				entry("CONTENT_SERVICE_URL", "http://127.0.0.1:8081,http://127.0.0.1:8181"),
				entry("INTAKE_SERVICE_URL", "http://127.0.0.1:8082,http://127.0.0.1:8182"),
				entry("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:8083,http://127.0.0.1:8183"));
		assertThat(gateway2.readinessPort()).isEqualTo(8190);
		assertThat(two.services().get(6).environment()).containsEntry("CONTENT_SERVICE_URL",
				"http://127.0.0.1:8081,http://127.0.0.1:8181");
		Map<String, Integer> ports = SuiteTopology.ports(this.config.ports(), 2);
		assertThat(ports).hasSize(15).containsEntry("intake-service 2 (INTAKE_PORT + 100)", 8182);
		assertThat(ports.values()).doesNotHaveDuplicates();
	}

	@Test
	void replicasComeFromTheEnvironmentAndAreBounded() {
		assertThat(this.config.replicas()).isEqualTo(1);
		assertThat(StackConfig.fromEnvironment(Path.of("/repo"), Map.of("STACK_REPLICAS", "2")).replicas())
			.isEqualTo(2);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> StackConfig.fromEnvironment(Path.of("/repo"), Map.of("STACK_REPLICAS", "9")))
			.isInstanceOf(StackException.class)
			.hasMessageContaining("STACK_REPLICAS='9' is not a number of instances (1-4)");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackConfig.replicas("two", "--replicas"))
			.isInstanceOf(StackException.class)
			.hasMessageContaining("--replicas='two'");
	}

	private Component component(String name) {
		return this.topology.infrastructure()
			.stream()
			.filter((component) -> component.name().equals(name))
			.findFirst()
			.or(() -> this.topology.services()
				.stream()
				.filter((component) -> component.name().equals(name))
				.findFirst())
			.orElseThrow();
	}

}
