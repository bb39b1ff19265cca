package org.treatmentnetwork.notification.channels;

import java.net.URI;

import io.micrometer.common.KeyValue;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * How a channel's HTTP calls are recorded in metrics and spans: by scheme and host only.
 * A chat tool's incoming-webhook address carries its credential in the path, so the path
 * and query of a channel call are never recorded.
 */
final class ChannelRequestObservationConvention extends DefaultClientRequestObservationConvention {

	@Override
	protected KeyValue uri(ClientRequestObservationContext context) {
		return KeyValue.of("uri", "none");
	}

	@Override
	protected KeyValue httpUrl(ClientRequestObservationContext context) {
		return KeyValue.of("http.url", origin(context));
	}

	static String origin(ClientRequestObservationContext context) {
		URI address = (context.getRequest() != null) ? context.getRequest().url() : null;
		if (address == null || address.getScheme() == null || address.getHost() == null) {
			return "none";
		}
		return address.getScheme() + "://" + address.getHost()
				+ ((address.getPort() >= 0) ? ":" + address.getPort() : "");
	}

}
