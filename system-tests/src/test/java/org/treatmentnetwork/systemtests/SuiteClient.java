package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal HTTP client for the gateway, as the website or a staff tool would use it.
 */
final class SuiteClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String baseUrl;

	SuiteClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	Reply get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "application/json")
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	Reply postJson(String path, String json, String token) {
		return post(path, json, token, Map.of());
	}

	/**
	 * A POST as a staff tool or the website sends it.
	 * @param path the path on the gateway
	 * @param json the JSON body, or {@code null} for none
	 * @param token a bearer token, or {@code null}
	 * @param headers further request headers, such as {@code Idempotency-Key}
	 * @return the answer
	 */
	Reply post(String path, String json, String token, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	/**
	 * A PUT of a JSON body with a staff token.
	 * @param path the path on the gateway
	 * @param json the JSON body
	 * @param token a bearer token
	 * @return the answer
	 */
	Reply putJson(String path, String json, String token) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private Reply send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

		/**
		 * A header of the answer.
		 * @param name the header's name
		 * @return its first value, or {@code null}
		 */
		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		/**
		 * The items of a list answer, whether it is a bare array or {@code {items:
		 * [...]}}.
		 * @return the items
		 */
		List<JsonNode> items() {
			JsonNode node = json();
			JsonNode array = node.isArray() ? node : node.get("items");
			List<JsonNode> items = new ArrayList<>();
			if (array != null) {
				array.forEach(items::add);
			}
			return items;
		}

	}

}
