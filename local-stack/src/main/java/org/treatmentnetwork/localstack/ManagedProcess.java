package org.treatmentnetwork.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One process of the stack: how to start it, where its output goes, and how to tell that
 * it is ready.
 */
final class ManagedProcess {

	private final String name;

	private final String description;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path logFile;

	private final BooleanSupplier readiness;

	private final Duration startTimeout;

	private volatile Process process;

	private volatile Duration startedIn;

	ManagedProcess(String name, String description, List<String> command, Map<String, String> environment, Path logFile,
			BooleanSupplier readiness, Duration startTimeout) {
		this.name = name;
		this.description = description;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.logFile = logFile;
		this.readiness = readiness;
		this.startTimeout = startTimeout;
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	Path logFile() {
		return this.logFile;
	}

	Duration startedIn() {
		return this.startedIn;
	}

	long pid() {
		Process current = this.process;
		return (current != null) ? current.pid() : -1;
	}

	boolean isAlive() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	void start() {
		try {
			Files.createDirectories(this.logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			builder.environment().putAll(this.environment);
			Files.writeString(this.logFile,
					System.lineSeparator() + "=== " + Instant.now() + " starting " + this.name + System.lineSeparator(),
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new StackException(this.name + " could not be started: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Waits until the process is ready, fails fast when it exits, and gives up after its
	 * start timeout.
	 * @param started when {@link #start()} was called
	 */
	void awaitReady(Instant started) {
		Instant deadline = started.plus(this.startTimeout);
		while (true) {
			Process current = this.process;
			if (current == null || !current.isAlive()) {
				String exit = (current != null) ? "exited with code " + current.exitValue() : "was never started";
				throw new StackException(this.name + " " + exit + " while starting. Last lines of " + this.logFile + ":"
						+ System.lineSeparator() + tail(25));
			}
			if (this.readiness.getAsBoolean()) {
				this.startedIn = Duration.between(started, Instant.now());
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new StackException(this.name + " was not ready within " + this.startTimeout.toSeconds()
						+ " s. Last lines of " + this.logFile + ":" + System.lineSeparator() + tail(25));
			}
			sleep(Duration.ofMillis(250));
		}
	}

	/**
	 * Asks the process to stop (SIGTERM), and kills it if it has not stopped in time.
	 * @param grace how long to wait before killing it
	 */
	void stop(Duration grace) {
		Process current = this.process;
		if (current == null || !current.isAlive()) {
			return;
		}
		current.destroy();
		try {
			if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				current.destroyForcibly();
				current.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			current.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @return the exit code of the process once it has ended, else {@code -1}
	 */
	int exitCode() {
		Process current = this.process;
		return (current != null && !current.isAlive()) ? current.exitValue() : -1;
	}

	/**
	 * Kills the process at once (SIGKILL), as a crash would.
	 */
	void kill() {
		Process current = this.process;
		if (current != null) {
			current.destroyForcibly();
			try {
				current.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	String tail(int lines) {
		try {
			if (!Files.exists(this.logFile)) {
				return "(no log)";
			}
			List<String> all = Files.readAllLines(this.logFile, StandardCharsets.UTF_8);
			List<String> last = new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
			return "    " + String.join(System.lineSeparator() + "    ", last);
		}
		catch (IOException | UncheckedIOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted");
		}
	}

}
