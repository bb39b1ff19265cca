package org.treatmentnetwork.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The services' start-up caches: the JDK's ahead-of-time cache (JEP 483, 514, 515), which
 * holds each service's classes loaded and linked, and the method profiles of its start,
 * so that a service starts in about half the time and compiles less while it warms up.
 * <p>
 * A cache needs the service in extracted form (Spring Boot's
 * {@code -Djarmode=tools extract}: the application's jar and its libraries as plain
 * jars), so each service runs from {@code <module>/target/aot/<module>.jar}. The cache
 * ({@code <module>.aot} beside it) is made by a training run, once per build: the service
 * started with the suite's JVM options and settings once the infrastructure is up, which
 * exits as soon as its application context is refreshed
 * ({@code spring.context.exit=onRefresh}: before it serves or consumes anything). Both
 * are made again when the module's jar, the JDK or the JVM options change
 * ({@code <module>.source} records what they were made from). A service whose cache could
 * not be made starts from its module's jar without one, as before, and the training is
 * not tried again until the jar, the JDK or the options change.
 */
final class StartupCache {

	private static final Duration EXTRACT_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(180);

	private final Path root;

	private final Path logDir;

	StartupCache(Path root, Path logDir) {
		this.root = root;
		this.logDir = logDir;
	}

	/**
	 * How a service is launched: from its extracted jar with its cache when both were
	 * made from what it runs now, otherwise from its module's jar as before.
	 * @param module the service's module
	 * @param jvmOptions the JVM options it runs with
	 * @return {@code -XX:AOTCache=… -jar <extracted>}, or {@code -jar <module jar>}
	 */
	List<String> launch(String module, List<String> jvmOptions) {
		if (ready(module, jvmOptions)) {
			return List.of("-XX:AOTCache=" + cache(module), "-jar", jar(module).toString());
		}
		return List.of("-jar", moduleJar(module).toString());
	}

	private boolean ready(String module, List<String> jvmOptions) {
		return Files.isRegularFile(cache(module)) && Files.isRegularFile(jar(module)) && upToDate(module, jvmOptions);
	}

	private Path jar(String module) {
		return folder(module).resolve(module + ".jar");
	}

	private Path moduleJar(String module) {
		return this.root.resolve(module).resolve("target").resolve(module + ".jar");
	}

	/**
	 * Extracts the service and trains its cache when either is missing or was made from
	 * another jar, JDK or JVM options. Several services are prepared side by side.
	 * @param trainings for each service's module, its training: the command (without the
	 * cache options, {@code -jar} and the jar) and its environment
	 * @param out where progress is reported
	 */
	void prepare(Map<String, Training> trainings, PrintStream out) {
		List<Thread> threads = new ArrayList<>();
		trainings.forEach((module, training) -> {
			if (ready(module, training.jvmOptions()) || failedBefore(module, training.jvmOptions())) {
				return;
			}
			threads.add(Thread.ofPlatform().name("aot-" + module).start(() -> prepare(module, training, out)));
		});
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StackException("interrupted while preparing the start-up caches");
			}
		}
	}

	private void prepare(String module, Training training, PrintStream out) {
		Instant begin = Instant.now();
		// Another stack (./run beside the system tests) may be preparing the same module:
		// one prepares it while the other waits, then finds it up to date.
		Path lock = this.root.resolve(module).resolve("target").resolve("aot.lock");
		try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock held = channel.lock()) {
			if (ready(module, training.jvmOptions())) {
				return;
			}
			// what the cache is made from, read before it is made
			String source = sourceOf(module, training.jvmOptions());
			try {
				extract(module, training.java());
				train(module, training);
				Files.writeString(source(module), source);
				Files.deleteIfExists(failed(module));
				out.printf("  cache  %-21s %5.1f s  (start-up cache made, once per build)%n", module,
						Duration.between(begin, Instant.now()).toMillis() / 1000.0);
			}
			catch (IOException | StackException ex) {
				// not tried again until the jar, the JDK or the options change
				Files.writeString(failed(module), source);
				out.printf("  cache  %-21s not made, starting without it: %s%n", module, ex.getMessage());
			}
		}
		catch (IOException | RuntimeException ex) {
			out.printf("  cache  %-21s not made, starting without it: %s%n", module, ex.getMessage());
		}
	}

	private void extract(String module, String java) throws IOException {
		Path folder = folder(module);
		deleteRecursively(folder);
		Files.createDirectories(folder);
		Path jar = moduleJar(module);
		run(module + "-extract", List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				folder.toString(), "--force"), Map.of(), EXTRACT_TIMEOUT);
		if (!Files.isRegularFile(jar(module))) {
			throw new StackException("extracting " + jar + " made no " + jar(module));
		}
	}

	private void train(String module, Training training) throws IOException {
		Path partial = folder(module).resolve(module + ".aot.partial");
		List<String> command = new ArrayList<>();
		command.add(training.java());
		command.addAll(training.jvmOptions());
		command.add("-XX:AOTCacheOutput=" + partial);
		command.add("-Dspring.context.exit=onRefresh");
		command.add("-jar");
		command.add(jar(module).toString());
		command.addAll(training.arguments());
		run(module + "-training", command, training.environment(), TRAINING_TIMEOUT);
		if (!Files.isRegularFile(partial)) {
			throw new StackException(
					"the training run wrote no cache; see " + this.logDir.resolve(module + "-training.log"));
		}
		Files.move(partial, cache(module), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private void run(String name, List<String> command, Map<String, String> environment, Duration timeout) {
		Path log = this.logDir.resolve(name + ".log");
		ManagedProcess process = new ManagedProcess(name, name, command, environment, log, () -> false, timeout);
		process.start();
		Instant deadline = Instant.now().plus(timeout);
		while (process.isAlive() && Instant.now().isBefore(deadline)) {
			ManagedProcess.sleep(Duration.ofMillis(200));
		}
		if (process.isAlive()) {
			process.kill();
			throw new StackException(name + " took longer than " + timeout.toSeconds() + " s; see " + log);
		}
		if (process.exitCode() != 0) {
			throw new StackException(name + " exited with code " + process.exitCode() + "; see " + log);
		}
	}

	/** Whether making the cache failed before for what the service runs now. */
	private boolean failedBefore(String module, List<String> jvmOptions) {
		try {
			return Files.isRegularFile(failed(module))
					&& Files.readString(failed(module)).equals(sourceOf(module, jvmOptions));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private boolean upToDate(String module, List<String> jvmOptions) {
		try {
			return Files.isRegularFile(source(module))
					&& Files.readString(source(module)).equals(sourceOf(module, jvmOptions));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** What a cache is made from: the module's jar, the JDK and the JVM options. */
	private String sourceOf(String module, List<String> jvmOptions) {
		Path jar = moduleJar(module);
		try {
			return "jar " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + "\njava "
					+ System.getProperty("java.home") + " " + Runtime.version() + "\noptions "
					+ String.join(" ", jvmOptions) + "\n";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private Path folder(String module) {
		return this.root.resolve(module).resolve("target").resolve("aot");
	}

	private Path cache(String module) {
		return folder(module).resolve(module + ".aot");
	}

	private Path source(String module) {
		return folder(module).resolve(module + ".source");
	}

	/** Outside the folder, which each extraction empties. */
	private Path failed(String module) {
		return this.root.resolve(module).resolve("target").resolve("aot.failed");
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * A service's training run: started as the suite starts it.
	 *
	 * @param java the {@code java} executable
	 * @param jvmOptions the JVM options (heap, GC, the component's own)
	 * @param arguments the program's arguments
	 * @param environment what is added to the inherited environment
	 */
	record Training(String java, List<String> jvmOptions, List<String> arguments, Map<String, String> environment) {

		Training {
			jvmOptions = List.copyOf(jvmOptions);
			arguments = List.copyOf(arguments);
			environment = Map.copyOf(environment);
		}

	}

}
