package org.treatmentnetwork.intake.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal values and look-up hashes in the forms stored before the field name was bound
 * into ciphertexts and before hashes named their key, written independently of the
 * service's code so that tests can plant them.
 */
public final class LegacyFormats {

	private LegacyFormats() {
	}

	/**
	 * A value as stored before the field name was bound: {@code gcm1:<keyId>:…}, the
	 * record id alone as additional authenticated data.
	 * @param plaintext the value
	 * @param recordId the record's id
	 * @param idAndKey the key as {@code id:base64}
	 * @return the stored form
	 */
	public static String encrypt(String plaintext, String recordId, String idAndKey) {
		try {
			byte[] iv = new byte[12];
			new SecureRandom().nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(idAndKey), "AES"), new GCMParameterSpec(128, iv));
			cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return "gcm1:" + idAndKey.substring(0, idAndKey.indexOf(':')) + ":"
					+ Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A look-up hash as stored before hashes named their key: bare hex of
	 * {@code HMAC-SHA256(key, purpose ‖ 0 ‖ value)}.
	 * @param idAndKey the look-up key as {@code id:base64}
	 * @param purpose what is hashed, such as {@code phone}
	 * @param normalized the normalised value
	 * @return the hash
	 */
	public static String hash(String idAndKey, String purpose, String normalized) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(idAndKey), "HmacSHA256"));
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] key(String idAndKey) {
		return Base64.getDecoder().decode(idAndKey.substring(idAndKey.indexOf(':') + 1));
	}

}
