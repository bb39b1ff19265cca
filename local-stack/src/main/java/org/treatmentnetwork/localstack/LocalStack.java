package org.treatmentnetwork.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.treatmentnetwork.localstack.tokens.DevTokens;

/**
 * The command behind {@code ./run}: {@code up} (the default) starts the whole suite in
 * the foreground and stops it on Ctrl-C or SIGTERM; {@code token USER ROLE[,ROLE...]}
 * prints a staff bearer token that the local stack accepts.
 */
public final class LocalStack {

	private LocalStack() {
	}

	public static void main(String[] args) {
		Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
		try {
			StackConfig config = StackConfig.fromEnvironment(root, System.getenv());
			// Options come before the command: ./run --replicas 2 [up]
			int next = 0;
			while (next < args.length && args[next].startsWith("--")) {
				String option = args[next];
				if (option.startsWith("--replicas=")) {
					config = config.withReplicas(StackConfig.replicas(option.substring(11), "--replicas"));
					next += 1;
				}
				else if (option.equals("--replicas") && next + 1 < args.length) {
					config = config.withReplicas(StackConfig.replicas(args[next + 1], "--replicas"));
					next += 2;
				}
				else {
					usage();
				}
			}
			String command = (next < args.length) ? args[next] : "up";
			switch (command) {
				case "up" -> up(config, System.out);
				case "token" -> token(config, Arrays.copyOfRange(args, next + 1, args.length));
				default -> usage();
			}
		}
		catch (StackException ex) {
			System.err.println();
			System.err.println("./run failed: " + ex.getMessage());
			System.exit(1);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
	}

	private static void usage() {
		System.err.println("usage: ./run                      start the whole suite (Ctrl-C stops it)");
		System.err.println("       ./run --replicas N         the same with N instances of each service and of the"
				+ " gateway (1-" + StackConfig.MAX_REPLICAS + "; also STACK_REPLICAS)");
		System.err.println("       ./run token USER ROLE[,ROLE...]   print a staff bearer token");
		System.err.println("       roles: " + DevTokens.ROLES);
		System.exit(2);
	}

	private static void token(StackConfig config, String[] args) {
		if (args.length != 2) {
			usage();
		}
		List<String> roles = Arrays.stream(args[1].split(",")).map(String::trim).filter((r) -> !r.isEmpty()).toList();
		System.out.println(new DevTokens(config.keyDir()).issue(args[0], roles));
	}

	private static void up(StackConfig config, PrintStream out) {
		Instant begin = Instant.now();
		AtomicReference<Stack> running = new AtomicReference<>();
		CountDownLatch stopped = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			out.println();
			out.println("Stopping the suite...");
			Stack stack = running.get();
			if (stack != null) {
				stack.stop();
			}
			out.println("Stopped.");
			stopped.countDown();
		}, "stack-shutdown");
		out.println("Starting the treatment-network suite (data in " + config.dataDir()
				+ ((config.replicas() > 1) ? ", " + config.replicas() + " instances of each service" : "") + ")");
		Stack stack;
		try {
			Runtime.getRuntime().addShutdownHook(hook);
			stack = Stack.start(config, out);
		}
		catch (StackException ex) {
			Runtime.getRuntime().removeShutdownHook(hook);
			throw ex;
		}
		running.set(stack);
		printSummary(config, out, Duration.between(begin, Instant.now()));
		watch(stack, stopped, out);
	}

	private static void watch(Stack stack, CountDownLatch stopped, PrintStream out) {
		List<String> reported = new java.util.ArrayList<>();
		try {
			while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
				for (String name : stack.deadProcesses()) {
					if (!reported.contains(name)) {
						reported.add(name);
						out.println("WARNING: " + name + " has exited; see " + stack.logFile(name));
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void printSummary(StackConfig config, PrintStream out, Duration took) {
		StackConfig.Ports ports = config.ports();
		out.println();
		out.printf("The suite is up in %.1f s.%n", took.toMillis() / 1000.0);
		out.println();
		out.println("  Gateway (the only URL clients use)  " + config.gatewayUrl());
		out.println("    articles      " + config.gatewayUrl() + "/api/content/articles");
		out.println("    crisis lines  " + config.gatewayUrl() + "/api/content/crisis-resources");
		out.println("    intake        POST " + config.gatewayUrl() + "/api/intake/contact-requests");
		out.println("    alerts        " + config.gatewayUrl() + "/api/alerts   (token: ./run token nurse-1 ON_CALL)");
		out.println("  Gateway actuator                    http://localhost:" + ports.gatewayManagement()
				+ "/actuator/health");
		out.println("  content-service                     http://localhost:" + ports.content());
		out.println("  intake-service                      http://localhost:" + ports.intake());
		out.println("  notification-service                http://localhost:" + ports.notification());
		for (int instance = 2; instance <= config.replicas(); instance++) {
			out.printf(
					"  instance %d of each                  gateway http://localhost:%d, content %d, intake %d,"
							+ " notification %d%n",
					instance, StackConfig.instancePort(ports.gateway(), instance),
					StackConfig.instancePort(ports.content(), instance),
					StackConfig.instancePort(ports.intake(), instance),
					StackConfig.instancePort(ports.notification(), instance));
		}
		if (config.replicas() > 1) {
			out.println("    (every gateway balances over every instance of each service)");
		}
		out.println("  Kafka broker                        " + config.kafkaBootstrap());
		out.println("  MongoDB wire-protocol server        " + config.mongoUri(""));
		out.println("  SMTP server                         " + config.host() + ":" + ports.smtp() + "  (messages in "
				+ config.mailDir() + ")");
		out.println("  Texts and calls (simulator)         " + config.smsSimulatorUrl()
				+ "/   (play the on-call nurse: reply, press keys)");
		out.println();
		out.println("  Logs: " + config.logDir());
		out.println("  Press Ctrl-C to stop everything.");
	}

}
