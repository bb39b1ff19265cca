package org.treatmentnetwork.localstack.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTests {

	@TempDir
	Path dir;

	@Test
	void writesASingleNodeKraftConfiguration() throws Exception {
		KafkaBroker broker = new KafkaBroker(this.dir, "127.0.0.1", 19092, 19093);
		List<String> lines = Files.readAllLines(broker.writeProperties());
		assertThat(lines).contains("process.roles=broker,controller", "controller.quorum.voters=1@127.0.0.1:19093",
				"listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
				"offsets.topic.replication.factor=1", "transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1");
		assertThat(lines).anyMatch((line) -> line.startsWith("log.dirs=" + this.dir));
	}

	@Test
	void needsFormatUntilTheStorageHasMetaProperties() throws Exception {
		KafkaBroker broker = new KafkaBroker(this.dir, "127.0.0.1", 19092, 19093);
		assertThat(broker.needsFormat()).isTrue();
		Files.createDirectories(broker.logDir());
		Files.writeString(broker.logDir().resolve("meta.properties"), "cluster.id=x\n");
		assertThat(broker.needsFormat()).isFalse();
		assertThat(broker.formatArguments()).startsWith("format", "-t").contains("-c");
	}

}
