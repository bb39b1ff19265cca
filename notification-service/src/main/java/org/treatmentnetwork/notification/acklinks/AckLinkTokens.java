package org.treatmentnetwork.notification.acklinks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issues and verifies the tokens of acknowledgement links:
 * {@code alertId.staffId.expiryEpochSeconds.signature}, where the signature is the
 * unpadded base64url HMAC-SHA256 of the first three parts. The token names the alert and
 * the staff member it was sent to, so an acknowledgement through it is attributed to that
 * person.
 */
@Component
public class AckLinkTokens {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	private static final int MAX_TOKEN_LENGTH = 400;

	private final SecretKeySpec key;

	private final AckLinkProperties properties;

	private final Clock clock;

	AckLinkTokens(AckLinkProperties properties, Clock clock) {
		this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The link to send to a staff member for an alert.
	 * @param alertId the alert
	 * @param staffId the staff member the link is sent to
	 * @return the public link
	 */
	public URI linkFor(String alertId, String staffId) {
		return UriComponentsBuilder.fromUri(this.properties.publicBaseUrl())
			.path("/api/alerts/ack/{token}")
			.buildAndExpand(issue(alertId, staffId))
			.toUri();
	}

	String issue(String alertId, String staffId) {
		if (!PART.matcher(alertId).matches() || !PART.matcher(staffId).matches()) {
			throw new IllegalArgumentException("Alert and staff ids must be URL-safe and free of dots");
		}
		long expiry = this.clock.instant().plus(this.properties.validity()).getEpochSecond();
		String payload = alertId + "." + staffId + "." + expiry;
		return payload + "." + sign(payload);
	}

	/**
	 * Check a token.
	 * @param token the token from the link
	 * @return the outcome; {@link Verification#alertId()} and
	 * {@link Verification#staffId()} are set only when valid
	 */
	Verification verify(String token) {
		if (token == null || token.length() > MAX_TOKEN_LENGTH) {
			return Verification.INVALID;
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 4 || !PART.matcher(parts[0]).matches() || !PART.matcher(parts[1]).matches()) {
			return Verification.INVALID;
		}
		String payload = parts[0] + "." + parts[1] + "." + parts[2];
		byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
			return Verification.INVALID;
		}
		long expiry;
		try {
			expiry = Long.parseLong(parts[2]);
		}
		catch (NumberFormatException ex) {
			return Verification.INVALID;
		}
		if (this.clock.instant().getEpochSecond() >= expiry) {
			return Verification.EXPIRED;
		}
		return new Verification(Verification.Status.VALID, parts[0], parts[1]);
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] signature = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * The outcome of checking a token.
	 *
	 * @param status valid, expired or invalid
	 * @param alertId the alert, when valid
	 * @param staffId the staff member, when valid
	 */
	record Verification(Status status, String alertId, String staffId) {

		static final Verification INVALID = new Verification(Status.INVALID, null, null);

		static final Verification EXPIRED = new Verification(Status.EXPIRED, null, null);

		enum Status {

			VALID, EXPIRED, INVALID

		}

	}

}
