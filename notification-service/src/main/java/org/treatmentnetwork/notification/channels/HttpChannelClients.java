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
final class HttpChannelClients {

	private HttpChannelClients() {
	}

	static WebClient create(WebClient.Builder builder, Duration timeout) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 5000))
			.responseTimeout(timeout.plusSeconds(1));
		return builder.clone()
			.clientConnector(new ReactorClientHttpConnector(http))
			.observationConvention(new ChannelRequestObservationConvention())
			.build();
	}

	static Mono<Void> check(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		if (status.is2xxSuccessful()) {
			return response.releaseBody();
		}
		Mono<Void> release = response.releaseBody();
		if (status.is4xxClientError() && status.value() != 429) {
			return release.then(Mono.error(new PermanentDeliveryException("HTTP " + status.value())));
		}
		return release.then(Mono.error(new IllegalStateException("HTTP " + status.value())));
	}

}
