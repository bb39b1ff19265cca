package org.treatmentnetwork.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.Uuid;

/**
 * Writes the configuration of a single-node KRaft broker (broker and controller in one
 * process) and tells whether its storage still has to be formatted.
 */
public final class KafkaBroker {

	/** Main class of the broker, run as its own process. */
	public static final String MAIN_CLASS = "kafka.Kafka";

	/** Main class of the storage tool that formats the log directory once. */
	public static final String STORAGE_TOOL = "kafka.tools.StorageTool";

	private final Path dir;

	private final String host;

	private final int port;

	private final int controllerPort;

	public KafkaBroker(Path dir, String host, int port, int controllerPort) {
		this.dir = dir;
		this.host = host;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	public Path propertiesFile() {
		return this.dir.resolve("server.properties");
	}

	Path logDir() {
		return this.dir.resolve("data");
	}

	/**
	 * Writes {@code server.properties}. Ports may change between runs; the cluster id and
	 * the data stay.
	 * @return the properties file
	 */
	public Path writeProperties() {
		List<String> lines = List.of("process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@" + this.host + ":" + this.controllerPort,
				"listeners=PLAINTEXT://" + this.host + ":" + this.port + ",CONTROLLER://" + this.host + ":"
						+ this.controllerPort,
				"advertised.listeners=PLAINTEXT://" + this.host + ":" + this.port,
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
				"log.dirs=" + logDir().toAbsolutePath(), "num.partitions=3", "offsets.topic.replication.factor=1",
				"offsets.topic.num.partitions=3", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=false", "log.retention.hours=168");
		try {
			Files.createDirectories(this.dir);
			Files.write(propertiesFile(), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return propertiesFile();
	}

	/**
	 * Whether the log directory has never been formatted.
	 * @return {@code true} before the first start
	 */
	public boolean needsFormat() {
		return !Files.exists(logDir().resolve("meta.properties"));
	}

	/**
	 * The arguments of the storage tool that formats the log directory with a new cluster
	 * id.
	 * @return the arguments after the main class
	 */
	public List<String> formatArguments() {
		return List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
				propertiesFile().toAbsolutePath().toString());
	}

}
