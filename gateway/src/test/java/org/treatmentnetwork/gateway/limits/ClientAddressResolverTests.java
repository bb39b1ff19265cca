package org.treatmentnetwork.gateway.limits;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The client address is the peer's unless the peer is a trusted proxy; only then is
 * {@code X-Forwarded-For} read, from the right.
 */
class ClientAddressResolverTests {

	private final ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8", "192.0.2.1"));

	@Test
	void withoutProxiesThePeerIsTheClient() {
		assertThat(resolve("198.51.100.7", null)).isEqualTo("198.51.100.7");
	}

	@Test
	void forwardedForFromAnUntrustedPeerIsIgnored() {
		assertThat(resolve("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
	}

	@Test
	void trustedProxyNamesTheClient() {
		assertThat(resolve("10.1.1.1", "203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(resolve("192.0.2.1", "203.0.113.9")).isEqualTo("203.0.113.9");
	}

	@Test
	void whatTheClientWroteItselfIsSkipped() {
		assertThat(resolve("10.1.1.1", "1.2.3.4, 5.6.7.8, 203.0.113.9")).isEqualTo("203.0.113.9");
	}

	@Test
	void chainsOfTrustedProxiesAreWalkedFromTheRight() {
		assertThat(resolve("10.1.1.1", "1.2.3.4, 203.0.113.9, 10.2.2.2, 10.3.3.3")).isEqualTo("203.0.113.9");
	}

	@Test
	void garbageWrittenByNoProxyStopsTheWalk() {
		assertThat(resolve("10.1.1.1", "not-an-address")).isEqualTo("10.1.1.1");
		assertThat(resolve("10.1.1.1", "example.org, 10.2.2.2")).isEqualTo("10.2.2.2");
	}

	@Test
	void ipv6ClientsAreGroupedByTheirNetwork() {
		assertThat(resolve("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null)).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(resolve("2001:db8:1:2::1", null)).isEqualTo(resolve("2001:db8:1:2::ffff", null));
	}

	@Test
	void onlyAddressesAndRangesAreTrusted() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressResolver(List.of("proxy.example.org")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/33")));
		assertThat(new ClientAddressProperties(List.of(" 10.0.0.0/8 ", "")).trustedProxies())
			.containsExactly("10.0.0.0/8");
	}

	private String resolve(String peer, String forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/intake/contact-requests")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return this.resolver.resolve(request.build());
	}

}
