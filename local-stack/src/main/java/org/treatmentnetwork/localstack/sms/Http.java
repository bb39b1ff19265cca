package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * Reading requests and writing answers on the JDK's HTTP server.
 */
final class Http {

	/** The largest request body read; a larger one is refused with {@code 413}. */
	static final int MAX_BODY = 64 * 1024;

	private Http() {
	}

	/**
	 * The request body is larger than {@link #MAX_BODY}.
	 */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("request body larger than " + MAX_BODY + " bytes");
		}

	}

	static String body(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] bytes = in.readNBytes(MAX_BODY + 1);
			if (bytes.length > MAX_BODY) {
				throw new TooLarge();
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	/**
	 * The parameters of a form or a flat JSON object, whichever the request's
	 * {@code Content-Type} says (form when it says neither).
	 * @param exchange the request
	 * @return name to value; JSON values other than strings as their JSON text
	 * @throws IOException if the body cannot be read
	 * @throws IllegalArgumentException if the body is not what it says it is
	 */
	static Map<String, String> params(HttpExchange exchange) throws IOException {
		String body = body(exchange);
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		if (type != null && type.toLowerCase().contains("json")) {
			Map<String, String> params = new LinkedHashMap<>();
			if (body.isBlank()) {
				return params;
			}
			Json.parseObject(body).forEach((name, value) -> {
				if (value != null) {
					params.put(name, (value instanceof String string) ? string : Json.write(value));
				}
			});
			return params;
		}
		return Form.parse(body);
	}

	static Map<String, String> query(HttpExchange exchange) {
		return Form.parseQuery(exchange.getRequestURI().getRawQuery());
	}

	static void json(HttpExchange exchange, int status, Object value) throws IOException {
		send(exchange, status, "application/json", Json.write(value));
	}

	static void error(HttpExchange exchange, int status, String message) throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("status", status);
		error.put("error", message);
		json(exchange, status, error);
	}

	static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
		if (status == 204 || "HEAD".equals(exchange.getRequestMethod())) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static void noContent(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(303, -1);
		exchange.close();
	}

	/**
	 * Whether a request that changes something comes from a page of this simulator (or
	 * from a client that is not a browser): a browser's {@code Origin} must be this host,
	 * and {@code Sec-Fetch-Site} must not be {@code cross-site}.
	 * @param exchange the request
	 * @return whether it may change something
	 */
	static boolean sameOrigin(HttpExchange exchange) {
		String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
		if (site != null && site.equalsIgnoreCase("cross-site")) {
			return false;
		}
		String origin = exchange.getRequestHeaders().getFirst("Origin");
		if (origin == null) {
			return true;
		}
		String host = exchange.getRequestHeaders().getFirst("Host");
		try {
			URI uri = URI.create(origin);
			return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
