package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.treatmentnetwork.localstack.Stack;
import org.treatmentnetwork.localstack.StackConfig;

/**
 * The whole suite, started once per test run (not per test class) the way {@code ./run}
 * starts it, on ports shifted by {@code stack.portOffset} and a fresh data folder. The
 * default shift, 3000, keeps every port below 32768, where Linux never hands out ports
 * for outgoing connections, so none can be taken by chance when the suite starts. Test
 * classes use it with {@code @ExtendWith(RunningSuite.class)} and reach it through the
 * static accessors; it is stopped when the test run ends.
 */
final class RunningSuite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

	private static final Object LOCK = new Object();

	private static volatile StackConfig config;

	private static volatile Stack stack;

	private static volatile TraceCollector traces;

	@Override
	public void beforeAll(ExtensionContext context) {
		synchronized (LOCK) {
			if (stack == null) {
				start();
				// Closed when the root context closes, that is after the last test class.
				context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningSuite.class.getName(), this);
			}
		}
	}

	@Override
	public void close() {
		synchronized (LOCK) {
			if (stack != null) {
				stack.stop();
				stack = null;
			}
			if (traces != null) {
				traces.stop();
				traces = null;
			}
		}
	}

	static Stack stack() {
		return stack;
	}

	static StackConfig config() {
		return config;
	}

	/**
	 * The spans the suite's processes have exported.
	 * @return the collector they export to
	 */
	static TraceCollector traces() {
		return traces;
	}

	static SuiteClient gateway() {
		return new SuiteClient(config.gatewayUrl());
	}

	/**
	 * A staff token the running suite accepts.
	 * @param user the staff id
	 * @param roles contract roles
	 * @return a bearer token
	 */
	static String token(String user, String... roles) {
		return stack.tokens().issue(user, List.of(roles));
	}

	/**
	 * Stops every process and starts the suite again on the same data.
	 */
	static void restart() {
		synchronized (LOCK) {
			stack.stop();
			Instant begin = Instant.now();
			stack = Stack.start(config, System.out);
			System.out.printf("[system-test] suite restarted in %d ms%n",
					Duration.between(begin, Instant.now()).toMillis());
		}
	}

	/**
	 * Polls until the probe returns a value.
	 * @param <T> the value's type
	 * @param what what is awaited, for the failure message
	 * @param timeout how long to wait
	 * @param probe returns {@code null} while the value is not there yet
	 * @return the value
	 */
	static <T> T await(String what, Duration timeout, Supplier<T> probe) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			sleep(Duration.ofMillis(50));
		}
		throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
				+ "; service logs are in " + config.logDir());
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void start() {
		Path root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
		Path dataDir = Path.of(System.getProperty("stack.dataDir", "target/stack-data")).toAbsolutePath();
		deleteRecursively(dataDir);
		int offset = Integer.parseInt(System.getProperty("stack.portOffset", "3000"));
		StackConfig defaults = StackConfig.fromEnvironment(root, Map.of());
		// Without the start-up caches unless asked for: their training run (about a
		// minute after each build) would cost more of the run than the faster starts
		// save.
		boolean startupCache = Boolean.parseBoolean(System.getProperty("stack.startupCache", "false"));
		config = new StackConfig(defaults.root(), dataDir, defaults.host(), defaults.ports().shiftedBy(offset),
				startupCache);
		// Before the processes, which export their spans to it from the start.
		traces = TraceCollector.start(Integer.parseInt(System.getProperty("stack.otlpPort", "7318")));
		Instant begin = Instant.now();
		stack = Stack.start(config, System.out);
		System.out.printf("[system-test] suite started in %d ms: %s%n",
				Duration.between(begin, Instant.now()).toMillis(), stack.startTimes());
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot clean " + dir, ex);
		}
	}

}
