package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls webhooks as Twilio does: {@code application/x-www-form-urlencoded}, signed with
 * {@code X-Twilio-Signature}, with a connect and a response timeout, retried a couple of
 * times when the connection fails or the answer is a {@code 5xx} (with the same
 * {@code I-Twilio-Idempotency-Token}). A failure is logged with the URL's host only (a
 * webhook's path may be its credential) and returned, never thrown.
 */
final class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	static final int ATTEMPTS = 3;

	private static final int MAX_ANSWER = 64 * 1024;

	private final String authToken;

	private final Duration responseTimeout;

	private final Duration retryDelay;

	private final HttpClient http;

	Webhooks(String authToken, Duration connectTimeout, Duration responseTimeout, Duration retryDelay) {
		this.authToken = authToken;
		this.responseTimeout = responseTimeout;
		this.retryDelay = retryDelay;
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * What a webhook answered.
	 *
	 * @param statusCode the answer's status code, or {@code null} if there was none
	 * @param body the answer's body (at most 64 KB), empty if there was none
	 * @param attempts how many requests were sent
	 * @param error why there was no answer, or {@code null}
	 */
	record Result(Integer statusCode, String body, int attempts, String error) {

		boolean ok() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

	}

	/**
	 * Sends a signed request and waits for its answer, retrying as described above.
	 * @param method {@code POST}, or {@code GET} to send the parameters in the query
	 * string
	 * @param url the webhook URL
	 * @param params the parameters
	 * @param what what the request is, for the log
	 * @return its answer or why there was none
	 */
	Result call(String method, String url, Map<String, String> params, String what) {
		URI uri;
		try {
			uri = URI.create(url);
			if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
				return failed(what, url, 0, "not an http or https URL");
			}
		}
		catch (IllegalArgumentException ex) {
			return failed(what, url, 0, "not a URL");
		}
		boolean get = "GET".equalsIgnoreCase(method);
		String target = get ? withQuery(url, params) : url;
		String signature = TwilioSignature.sign(this.authToken, target, get ? Map.of() : params);
		String idempotencyToken = UUID.randomUUID().toString();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
			.timeout(this.responseTimeout)
			.header(TwilioSignature.HEADER, signature)
			.header("I-Twilio-Idempotency-Token", idempotencyToken)
			.header("User-Agent", "TwilioProxy/1.1")
			.header("Accept", "*/*");
		if (get) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(Form.encode(params)));
		}
		String error = null;
		Integer status = null;
		String body = "";
		int attempt = 0;
		while (attempt < ATTEMPTS) {
			attempt++;
			if (attempt > 1 && !pause(this.retryDelay.multipliedBy(1L << (attempt - 2)))) {
				error = "interrupted";
				break;
			}
			try {
				HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				status = response.statusCode();
				body = (response.body().length() > MAX_ANSWER) ? response.body().substring(0, MAX_ANSWER)
						: response.body();
				error = null;
				if (status < 500) {
					break;
				}
			}
			catch (IOException ex) {
				status = null;
				body = "";
				error = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				error = "interrupted";
				break;
			}
		}
		if (status == null) {
			return failed(what, url, attempt, error);
		}
		if (status >= 400) {
			log.warn("{} to {} answered {} after {} attempt(s)", what, uri.getHost(), status, attempt);
		}
		return new Result(status, body, attempt, null);
	}

	private Result failed(String what, String url, int attempts, String error) {
		String host;
		try {
			host = URI.create(url).getHost();
		}
		catch (IllegalArgumentException ex) {
			host = "an invalid URL";
		}
		log.warn("{} to {} failed after {} attempt(s): {}", what, host, attempts, error);
		return new Result(null, "", attempts, error);
	}

	private static String withQuery(String url, Map<String, String> params) {
		if (params.isEmpty()) {
			return url;
		}
		return url + (url.contains("?") ? "&" : "?") + Form.encode(params);
	}

	private static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
