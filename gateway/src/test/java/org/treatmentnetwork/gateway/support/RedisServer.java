package org.treatmentnetwork.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process (Debian package {@code redis-server}) on a free
 * local port, without persistence. It can be stopped and started again on the same port
 * to play a Redis outage, and is stopped when the JVM exits.
 */
public final class RedisServer {

	private static final List<String> CANDIDATES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server",
			"/usr/sbin/redis-server");

	private final String binary;

	private final int port;

	private final Path workDir;

	private Process process;

	private RedisServer(String binary) {
		this.binary = binary;
		this.port = freePort();
		try {
			this.workDir = Files.createTempDirectory("gateway-redis");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
	}

	/**
	 * Whether the {@code redis-server} binary is installed.
	 * @return {@code true} if it is
	 */
	public static boolean isInstalled() {
		return findBinary() != null;
	}

	/**
	 * Starts a server on a free port.
	 * @return the running server
	 */
	public static RedisServer launch() {
		String binary = findBinary();
		if (binary == null) {
			throw new IllegalStateException("redis-server is not installed");
		}
		RedisServer server = new RedisServer(binary);
		server.start();
		return server;
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Starts the process if it is not running, on the same port as before.
	 */
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		try {
			this.process = new ProcessBuilder(this.binary, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no", "--dir", this.workDir.toString())
				.redirectErrorStream(true)
				.redirectOutput(this.workDir.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!accepts()) {
			if (Instant.now().isAfter(deadline) || !this.process.isAlive()) {
				throw new IllegalStateException("redis-server did not start; see " + this.workDir.resolve("redis.log"));
			}
			sleep(20);
		}
	}

	/**
	 * Stops the process; connections are refused until {@link #start()}.
	 */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String findBinary() {
		for (String candidate : CANDIDATES) {
			if (new File(candidate).canExecute()) {
				return candidate;
			}
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				File file = new File(dir, "redis-server");
				if (file.canExecute()) {
					return file.getAbsolutePath();
				}
			}
		}
		return null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
