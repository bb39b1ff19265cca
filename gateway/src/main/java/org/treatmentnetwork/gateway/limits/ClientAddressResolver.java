package org.treatmentnetwork.gateway.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Finds the address a request comes from, for per-client limits. The connection's peer is
 * the client unless it is a trusted proxy; then {@code X-Forwarded-For} is read from the
 * right, skipping trusted proxies, and the first other address is the client. What a
 * client writes into {@code X-Forwarded-For} itself is never believed. IPv6 clients are
 * grouped by their /64 network, which one household or device usually holds.
 */
final class ClientAddressResolver {

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final List<AddressRange> trustedProxies;

	ClientAddressResolver(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
	}

	/**
	 * The client's address as a limit key.
	 * @param request the request
	 * @return the key, never {@code null}
	 */
	String resolve(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		InetAddress peer = remote.getAddress();
		if (!isTrusted(peer)) {
			return key(peer);
		}
		List<String> forwarded = forwardedFor(request);
		InetAddress client = peer;
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			InetAddress hop = parse(forwarded.get(i));
			if (hop == null) {
				// a trusted proxy never writes this; what is left of it came from the
				// client
				break;
			}
			client = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		return key(client);
	}

	private boolean isTrusted(InetAddress address) {
		return this.trustedProxies.stream().anyMatch((proxy) -> proxy.contains(address));
	}

	private static List<String> forwardedFor(ServerHttpRequest request) {
		List<String> hops = new ArrayList<>();
		for (String header : request.getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
			for (String hop : header.split(",")) {
				hops.add(hop.trim());
			}
		}
		return hops;
	}

	/**
	 * Parses an IP literal without ever resolving a host name.
	 * @param candidate the text
	 * @return the address, or {@code null} when it is not an IP literal
	 */
	static InetAddress parse(String candidate) {
		if (candidate == null || !IP_LITERAL.matcher(candidate).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(candidate);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	static String key(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			for (int i = 8; i < bytes.length; i++) {
				bytes[i] = 0;
			}
			try {
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return address.getHostAddress();
	}

}
