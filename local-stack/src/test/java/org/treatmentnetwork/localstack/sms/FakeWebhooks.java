package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the notification service's webhooks: records every request it receives
 * and answers each path with what a test set (by default {@code 200} and an empty body).
 */
final class FakeWebhooks implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();

	/**
	 * A request the webhooks received.
	 *
	 * @param method the method
	 * @param path the path
	 * @param url the full URL it was sent to, as the sender used it
	 * @param contentType its {@code Content-Type}
	 * @param signature its {@code X-Twilio-Signature}
	 * @param params its form parameters
	 */
	record Received(String method, String path, String url, String contentType, String signature,
			Map<String, String> params) {
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param contentType the content type
	 * @param body the body
	 */
	record Answer(int status, String contentType, String body) {
	}

	FakeWebhooks() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url(String pathAndQuery) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + pathAndQuery;
	}

	/**
	 * Answers a path with these answers in turn, the last one from then on.
	 * @param path the path
	 * @param answers the answers
	 */
	void answer(String path, Answer... answers) {
		this.answers.put(path, new ArrayDeque<>(List.of(answers)));
	}

	List<Received> received(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	/**
	 * Waits until a path has received at least so many requests.
	 * @param path the path
	 * @param count how many
	 * @return the requests to it, in the order received
	 */
	List<Received> await(String path, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			List<Received> requests = received(path);
			if (requests.size() >= count) {
				return requests;
			}
			sleep(10);
		}
		throw new AssertionError("expected " + count + " requests to " + path + ", got " + received(path));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String path = exchange.getRequestURI().getPath();
			this.received.add(new Received(exchange.getRequestMethod(), path, url(exchange.getRequestURI().toString()),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst("X-Twilio-Signature"), form(body)));
			Answer answer = next(path);
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			exchange.sendResponseHeaders(answer.status(), (bytes.length == 0) ? -1 : bytes.length);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
	}

	private Answer next(String path) {
		Deque<Answer> answers = this.answers.get(path);
		if (answers == null || answers.isEmpty()) {
			return new Answer(200, "text/xml", "");
		}
		synchronized (answers) {
			return (answers.size() > 1) ? answers.poll() : answers.peek();
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> params = new LinkedHashMap<>();
		if (body.isEmpty()) {
			return params;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
