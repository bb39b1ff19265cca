package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.treatmentnetwork.localstack.StackConfig;
import org.treatmentnetwork.localstack.tokens.DevTokens;

/**
 * A second gateway process, started from the same jar as the running suite's and in front
 * of the same services, with settings of its own: for tests that need a setting the
 * shared suite must not have, such as a contact-request limit that a test can use up (the
 * suite's is lifted, because the other tests submit far more requests). It listens on the
 * suite's gateway ports shifted by 100 and logs to {@code gateway-second.log}.
 */
final class SecondGateway implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final Process process;

	private final String url;

	private SecondGateway(Process process, String url) {
		this.process = process;
		this.url = url;
	}

	/**
	 * Starts the gateway and waits until it is ready.
	 * @param environment settings of its own, as environment variables
	 * @return the running gateway
	 */
	static SecondGateway start(Map<String, String> environment) {
		StackConfig config = RunningSuite.config();
		int port = config.ports().gateway() + 100;
		int managementPort = config.ports().gatewayManagement() + 100;
		Path jar = config.root().resolve("gateway/target/gateway.jar");
		Path publicKey = RunningSuite.stack().tokens().publicKeyFile();
		Path log = config.logDir().resolve("gateway-second.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(),
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
				"--spring.profiles.active=local")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		String services = "http://" + config.host() + ":";
		Map<String, String> env = builder.environment();
		env.put("GATEWAY_PORT", String.valueOf(port));
		env.put("GATEWAY_MANAGEMENT_PORT", String.valueOf(managementPort));
		env.put("CONTENT_SERVICE_URL", services + config.ports().content());
		env.put("INTAKE_SERVICE_URL", services + config.ports().intake());
		env.put("NOTIFICATION_SERVICE_URL", services + config.ports().notification());
		env.put("STAFF_TOKEN_ISSUER", DevTokens.ISSUER);
		env.put("STAFF_TOKEN_AUDIENCE", DevTokens.AUDIENCE);
		env.putAll(environment);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the second gateway could not be started: " + ex, ex);
		}
		SecondGateway gateway = new SecondGateway(process, "http://" + config.host() + ":" + port);
		gateway.awaitReady(URI.create("http://" + config.host() + ":" + managementPort + "/actuator/health/readiness"),
				log);
		return gateway;
	}

	String url() {
		return this.url;
	}

	private void awaitReady(URI readiness, Path log) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the second gateway exited while starting; see " + log);
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			RunningSuite.sleep(Duration.ofMillis(250));
		}
		close();
		throw new IllegalStateException("the second gateway was not ready within " + START_TIMEOUT.toSeconds()
				+ " s; last lines of " + log + ":\n" + tail(log));
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
