package org.treatmentnetwork.notification.channels;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * WebClients for the HTTP channels: connect and response timeouts below the attempt
 * timeout, a refusal ({@code 4xx} other than {@code 429}) reported as permanent, and
 * metrics and spans that record the host only, never the address's path or query
 * ({@link ChannelRequestObservationConvention}).
 */
public final class HttpChannelClients {

	private HttpChannelClients() {
	}

	/**
	 * A client for one channel's calls.
	 * @param builder the application's builder (observations)
	 * @param timeout the attempt timeout
	 * @return the client
	 */
	public static WebClient create(WebClient.Builder builder, Duration timeout) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 5000))
			.responseTimeout(timeout.plusSeconds(1));
		return builder.clone()
			.clientConnector(new ReactorClientHttpConnector(http))
			.observationConvention(new ChannelRequestObservationConvention())
			.build();
	}

	static Mono<Void> check(ClientResponse response) {
		return response.statusCode().is2xxSuccessful() ? response.releaseBody() : failure(response);
	}

	/**
	 * The error of an answer that is not {@code 2xx}: permanent for a refusal
	 * ({@code 4xx} other than {@code 429}), else one that may be retried.
	 * @param <T> what the call would have answered
	 * @param response the answer
	 * @return the error, once the body is released
	 */
	public static <T> Mono<T> failure(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		Mono<Void> release = response.releaseBody();
		if (status.is4xxClientError() && status.value() != 429) {
			return release.then(Mono.error(new PermanentDeliveryException("HTTP " + status.value())));
		}
		return release.then(Mono.error(new IllegalStateException("HTTP " + status.value())));
	}

}
