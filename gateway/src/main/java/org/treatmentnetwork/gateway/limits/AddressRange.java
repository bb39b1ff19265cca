package org.treatmentnetwork.gateway.limits;

import java.net.InetAddress;

/**
 * One trusted proxy: an IP address, or a CIDR range such as {@code 10.0.0.0/8} or
 * {@code fd00::/8}. Host names are refused, so nothing is ever resolved.
 */
final class AddressRange {

	private final byte[] network;

	private final int prefixLength;

	private AddressRange(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parses an address or range.
	 * @param text the address or range
	 * @return the range
	 * @throws IllegalArgumentException if it is neither
	 */
	static AddressRange parse(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		InetAddress address = ClientAddressResolver.parse((slash >= 0) ? trimmed.substring(0, slash) : trimmed);
		if (address == null) {
			throw new IllegalArgumentException("Not an IP address or CIDR range: '" + text + "'");
		}
		byte[] bytes = address.getAddress();
		int maxPrefix = bytes.length * 8;
		int prefix = maxPrefix;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > maxPrefix) {
				throw new IllegalArgumentException("Invalid prefix length in '" + text + "'");
			}
		}
		return new AddressRange(bytes, prefix);
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

}
