package org.treatmentnetwork.servicedefaults.tracing;

import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

/**
 * Keeps secrets and what a person typed out of exported spans. The addresses that HTTP
 * observations record ({@code http.url} of a server or WebClient request,
 * {@code http.uri} of the gateway's call to a service) lose their query string (article
 * searches, webhook parameters) and the token of a one-click acknowledgement link, which
 * is a credential: {@code /api/alerts/ack/{token}}. The gateway's access log masks the
 * same way.
 */
public class SpanDataFilter implements ObservationFilter {

	static final List<String> ADDRESS_KEYS = List.of("http.url", "http.uri");

	private static final Pattern ACK_LINK_TOKEN = Pattern.compile("(/api/alerts/ack/)[^/?#]+");

	@Override
	public Observation.Context map(Observation.Context context) {
		for (String key : ADDRESS_KEYS) {
			KeyValue address = context.getHighCardinalityKeyValue(key);
			if (address != null) {
				context.addHighCardinalityKeyValue(KeyValue.of(key, masked(address.getValue())));
			}
			KeyValue lowCardinality = context.getLowCardinalityKeyValue(key);
			if (lowCardinality != null) {
				context.addLowCardinalityKeyValue(KeyValue.of(key, masked(lowCardinality.getValue())));
			}
		}
		return context;
	}

	/**
	 * An address as spans may keep it.
	 * @param address a path or URL
	 * @return it without query string or fragment, and with a link token masked
	 */
	static String masked(String address) {
		int end = address.length();
		int query = address.indexOf('?');
		int fragment = address.indexOf('#');
		if (query >= 0) {
			end = query;
		}
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		return ACK_LINK_TOKEN.matcher(address.substring(0, end)).replaceAll("$1{token}");
	}

}
