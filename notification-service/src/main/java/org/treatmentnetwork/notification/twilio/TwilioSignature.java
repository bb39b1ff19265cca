package org.treatmentnetwork.notification.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} of a webhook request, as Twilio documents it: the full
 * URL the provider called (scheme, host, port, path and query), followed by every
 * {@code POST} parameter sorted by name, each name immediately followed by its value (a
 * repeated parameter once per distinct value, in sorted order, as Twilio's own libraries
 * do); signed with HMAC-SHA1 keyed by the auth token; Base64-encoded.
 */
public final class TwilioSignature {

	private TwilioSignature() {
	}

	/**
	 * The signature of a request.
	 * @param authToken the account's auth token
	 * @param url the full URL the provider called
	 * @param parameters the form parameters
	 * @return the Base64 signature
	 */
	public static String sign(String authToken, String url, Map<String, List<String>> parameters) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(parameters).forEach((name, values) -> {
			values.stream()
				.map((value) -> (value != null) ? value : "")
				.distinct()
				.sorted()
				.forEach((value) -> data.append(name).append(value));
		});
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA1 is not available", ex);
		}
	}

	/**
	 * Whether a request's signature is right, compared in constant time.
	 * @param authToken the account's auth token
	 * @param url the full URL the provider called
	 * @param parameters the form parameters
	 * @param signature the request's {@code X-Twilio-Signature}, may be {@code null}
	 * @return {@code true} if it matches
	 */
	public static boolean verify(String authToken, String url, Map<String, List<String>> parameters, String signature) {
		if (signature == null || signature.isBlank() || authToken == null || authToken.isBlank()) {
			return false;
		}
		byte[] expected = sign(authToken, url, parameters).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
	}

}
