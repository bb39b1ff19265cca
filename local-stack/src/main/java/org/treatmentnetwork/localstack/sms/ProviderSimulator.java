package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text-message and voice-call provider simulator that speaks Twilio's REST API, for the
 * local stack. It accepts messages and calls at
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json} and {@code Calls.json} (HTTP
 * Basic with the account SID and auth token), calls the status callbacks, the gathers of
 * calls and the inbound-message webhook back signed as Twilio signs them
 * ({@link TwilioSignature}), keeps every message and call as a JSON file, and serves a
 * page at {@code /} and a control API under {@code /simulator/} where a developer or a
 * test plays the phone's owner.
 * <p>
 * Arguments: {@code HOST PORT DATA_DIR}. Environment: {@code SMS_SIMULATOR_ACCOUNT_SID},
 * {@code SMS_SIMULATOR_AUTH_TOKEN}, {@code SMS_SIMULATOR_FROM_NUMBER} and
 * {@code SMS_SIMULATOR_INBOUND_URL}, all required; {@code SMS_SIMULATOR_STATUS_DELAY}
 * (200ms), {@code SMS_SIMULATOR_RING_DELAY} (1s), {@code SMS_SIMULATOR_KEY_WAIT} (60s)
 * and {@code SMS_SIMULATOR_RETRY_DELAY} (500ms) optional.
 */
public final class ProviderSimulator implements AutoCloseable {

	/** The variable with the account SID the API accepts. */
	public static final String ACCOUNT_SID = SimulatorSettings.ACCOUNT_SID;

	/**
	 * The variable with the auth token the API accepts and the webhooks are signed with.
	 */
	public static final String AUTH_TOKEN = SimulatorSettings.AUTH_TOKEN;

	/** The variable with the sender number. */
	public static final String FROM_NUMBER = SimulatorSettings.FROM_NUMBER;

	/** The variable with the URL inbound texts are posted to. */
	public static final String INBOUND_URL = SimulatorSettings.INBOUND_URL;

	private static final Logger log = LoggerFactory.getLogger(ProviderSimulator.class);

	private final HttpServer server;

	private final ExecutorService executor;

	private final Simulation simulation;

	private final TwilioApi api;

	private final ControlApi control;

	private final SimulatorPage page;

	private ProviderSimulator(SimulatorSettings settings) throws IOException {
		SimulatorStore store = new SimulatorStore(settings.dataDir());
		Webhooks webhooks = new Webhooks(settings.authToken(), settings.connectTimeout(), settings.responseTimeout(),
				settings.retryDelay());
		this.simulation = new Simulation(settings, store, webhooks);
		this.api = new TwilioApi(this.simulation);
		this.control = new ControlApi(this.simulation);
		this.page = new SimulatorPage(this.simulation);
		this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sms-http-", 0).factory());
		this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
	}

	/**
	 * Loads the stored messages and calls and starts listening.
	 * @param settings how to run
	 * @return the running simulator
	 * @throws IOException if the port cannot be bound
	 */
	static ProviderSimulator start(SimulatorSettings settings) throws IOException {
		ProviderSimulator simulator = new ProviderSimulator(settings);
		simulator.server.start();
		return simulator;
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: ProviderSimulator HOST PORT DATA_DIR");
			System.err.println("  environment: " + SimulatorSettings.ACCOUNT_SID + ", " + SimulatorSettings.AUTH_TOKEN
					+ ", " + SimulatorSettings.FROM_NUMBER + ", " + SimulatorSettings.INBOUND_URL);
			System.exit(2);
		}
		SimulatorSettings settings;
		try {
			settings = SimulatorSettings.fromEnvironment(args[0], Integer.parseInt(args[1]),
					Path.of(args[2]).toAbsolutePath(), System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println("ProviderSimulator: " + ex.getMessage());
			System.exit(2);
			return;
		}
		ProviderSimulator simulator = start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}, "sms-shutdown"));
		log.info(
				"text and voice provider simulator listening on {}:{} (page http://{}:{}/), account {}, sender {}, "
						+ "data in {}",
				settings.host(), simulator.port(), settings.host(), simulator.port(), settings.accountSid(),
				settings.fromNumber(), settings.dataDir());
		stopped.await();
	}

	/**
	 * The port it listens on.
	 * @return the port
	 */
	int port() {
		return this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith("/" + Simulation.API_VERSION)) {
				this.api.handle(exchange);
			}
			else if (path.startsWith(ControlApi.PREFIX)) {
				this.control.handle(exchange);
			}
			else {
				this.page.handle(exchange);
			}
		}
		catch (Http.TooLarge ex) {
			Http.error(exchange, 413, ex.getMessage());
		}
		catch (IOException ex) {
			log.debug("request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), ex);
			try {
				Http.error(exchange, 500, "the simulator failed: " + ex.getClass().getSimpleName());
			}
			catch (IOException | RuntimeException ignored) {
				// the answer may have been started already
			}
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * Stops listening and stops the messages and calls still under way; what they did so
	 * far is on disk.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.simulation.close();
		this.executor.shutdownNow();
	}

}
