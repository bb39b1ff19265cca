package org.treatmentnetwork.localstack.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} of a webhook request, computed as Twilio computes it:
 * the full URL the request is sent to (scheme, host, port, path and query string exactly
 * as used), followed by every POST parameter sorted by name, each as its name immediately
 * followed by its value; HMAC-SHA1 of that with the auth token as key, Base64-encoded.
 */
public final class TwilioSignature {

	/** The header that carries the signature. */
	public static final String HEADER = "X-Twilio-Signature";

	private static final String ALGORITHM = "HmacSHA1";

	private TwilioSignature() {
	}

	/**
	 * Signs a request.
	 * @param authToken the account's auth token
	 * @param url the full URL the request is sent to
	 * @param params the POST parameters (none for a GET)
	 * @return the value of the {@code X-Twilio-Signature} header
	 */
	public static String sign(String authToken, String url, Map<String, String> params) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA1 is not available", ex);
		}
	}

	/**
	 * Checks a request's signature in constant time.
	 * @param authToken the account's auth token
	 * @param url the full URL the request was sent to
	 * @param params the POST parameters
	 * @param signature the {@code X-Twilio-Signature} header, may be {@code null}
	 * @return whether it is the signature of this request
	 */
	public static boolean matches(String authToken, String url, Map<String, String> params, String signature) {
		if (signature == null) {
			return false;
		}
		byte[] expected = sign(authToken, url, params).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
	}

}
