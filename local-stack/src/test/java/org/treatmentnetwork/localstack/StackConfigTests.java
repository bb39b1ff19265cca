package org.treatmentnetwork.localstack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTests {

	@Test
	void defaultsAreTheContractPorts() {
		StackConfig config = StackConfig.fromEnvironment(Path.of("/repo"), Map.of());
		assertThat(config.ports())
			.isEqualTo(new StackConfig.Ports(8080, 8090, 8081, 8082, 8083, 9092, 9093, 27017, 2525, 8086));
		assertThat(config.dataDir()).isEqualTo(Path.of("/repo/.data"));
		assertThat(config.smsDir()).isEqualTo(Path.of("/repo/.data/sms"));
		assertThat(config.smsSimulatorUrl()).isEqualTo("http://127.0.0.1:8086");
		assertThat(config.mongoUri("intake")).isEqualTo("mongodb://127.0.0.1:27017/intake");
	}

	@Test
	void theServicesStartWithTheirStartupCachesUnlessTurnedOff() {
		assertThat(StackConfig.fromEnvironment(Path.of("/repo"), Map.of()).startupCache()).isTrue();
		assertThat(StackConfig.fromEnvironment(Path.of("/repo"), Map.of("STACK_STARTUP_CACHE", "on")).startupCache())
			.isTrue();
		assertThat(StackConfig.fromEnvironment(Path.of("/repo"), Map.of("STACK_STARTUP_CACHE", "OFF")).startupCache())
			.isFalse();
	}

	@Test
	void everyPortAndTheDataFolderCanBeOverridden() {
		StackConfig config = StackConfig.fromEnvironment(Path.of("/repo"), Map.of("GATEWAY_PORT", "18080", "KAFKA_PORT",
				"19092", "MONGO_PORT", "37017", "SMS_SIMULATOR_PORT", "18086", "STACK_DATA_DIR", "/tmp/x"));
		assertThat(config.ports().gateway()).isEqualTo(18080);
		assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
		assertThat(config.ports().mongo()).isEqualTo(37017);
		assertThat(config.ports().sms()).isEqualTo(18086);
		assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
	}

	@Test
	void aPortThatIsNotANumberIsNamedInTheError() {
		assertThatThrownBy(() -> StackConfig.fromEnvironment(Path.of("/repo"), Map.of("SMTP_PORT", "mail")))
			.isInstanceOf(StackException.class)
			.hasMessageContaining("SMTP_PORT='mail'");
		assertThatThrownBy(() -> StackConfig.fromEnvironment(Path.of("/repo"), Map.of("SMTP_PORT", "70000")))
			.hasMessageContaining("SMTP_PORT");
		assertThatThrownBy(() -> StackConfig.fromEnvironment(Path.of("/repo"), Map.of("SMS_SIMULATOR_PORT", "sms")))
			.hasMessageContaining("SMS_SIMULATOR_PORT='sms'");
	}

	@Test
	void portsShiftTogether() {
		StackConfig.Ports ports = StackConfig.fromEnvironment(Path.of("/repo"), Map.of()).ports().shiftedBy(100);
		assertThat(ports.gateway()).isEqualTo(8180);
		assertThat(ports.smtp()).isEqualTo(2625);
		assertThat(ports.sms()).isEqualTo(8186);
	}

}
