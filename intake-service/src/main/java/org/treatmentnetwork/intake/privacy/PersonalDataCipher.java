package org.treatmentnetwork.intake.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Encrypts personal fields with AES-GCM before they are stored, and computes keyed
 * look-up hashes (HMAC-SHA256) of normalised contact details.
 *
 * <p>
 * A stored value reads {@code gcm1:<keyId>:<base64(iv || ciphertext || tag)>}. The record
 * id is bound as additional authenticated data, so a value copied into another request
 * does not decrypt. New values use the current key; any configured key decrypts, so keys
 * can be rotated by adding a new one, making it current, and removing the old one once no
 * value uses it.
 */
@Component
public class PersonalDataCipher {

	private static final String PREFIX = "gcm1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	private final Map<String, SecretKey> keys;

	private final String currentKeyId;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	private final JsonMapper json = JsonMapper.builder().build();

	PersonalDataCipher(EncryptionProperties properties) {
		this.keys = parseKeys(properties.keys());
		this.currentKeyId = properties.currentKeyId().strip();
		if (!this.keys.containsKey(this.currentKeyId)) {
			throw new IllegalStateException("intake.encryption.current-key-id names no configured key");
		}
		byte[] lookup = decodeBase64(properties.lookupKey().strip(), "intake.encryption.lookup-key");
		if (lookup.length < 32) {
			throw new IllegalStateException("intake.encryption.lookup-key must be at least 32 bytes");
		}
		this.lookupKey = new SecretKeySpec(lookup, "HmacSHA256");
	}

	/**
	 * Encrypts a value with the current key.
	 * @param plaintext the value, may be {@code null}
	 * @param recordId the id of the record it belongs to (authenticated, not encrypted)
	 * @return the stored form, or {@code null} for {@code null}
	 */
	public String encrypt(String plaintext, String recordId) {
		if (plaintext == null) {
			return null;
		}
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return PREFIX + this.currentKeyId + ":" + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * Decrypts a stored value with the key it names.
	 * @param stored the stored form, may be {@code null}
	 * @param recordId the id of the record it belongs to
	 * @return the plaintext, or {@code null} for {@code null}
	 * @throws IllegalStateException when the key is unknown or the value was tampered
	 * with (the message never contains the value)
	 */
	public String decrypt(String stored, String recordId) {
		if (stored == null) {
			return null;
		}
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Stored value is not encrypted");
		}
		int colon = stored.indexOf(':', PREFIX.length());
		if (colon < 0) {
			throw new IllegalStateException("Stored value is malformed");
		}
		SecretKey key = this.keys.get(stored.substring(PREFIX.length(), colon));
		if (key == null) {
			throw new IllegalStateException("Stored value uses a key that is not configured");
		}
		try {
			byte[] raw = Base64.getDecoder().decode(stored.substring(colon + 1));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
			cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Stored value could not be decrypted: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Encrypts a list of strings as one value.
	 */
	public String encryptList(List<String> values, String recordId) {
		return (values == null || values.isEmpty()) ? null : encrypt(this.json.writeValueAsString(values), recordId);
	}

	/**
	 * Decrypts a list encrypted by {@link #encryptList}.
	 * @return the list, empty for {@code null}
	 */
	public List<String> decryptList(String stored, String recordId) {
		String plain = decrypt(stored, recordId);
		return (plain != null) ? List.copyOf(this.json.readValue(plain, STRING_LIST)) : List.of();
	}

	/**
	 * A keyed hash for look-ups, such as the same person's earlier requests.
	 * @param purpose what is hashed (such as {@code phone}), so that equal values of
	 * different kinds do not match
	 * @param normalized the normalised value, may be {@code null}
	 * @return the hash as hex, or {@code null} for {@code null}
	 */
	public String lookupHash(String purpose, String normalized) {
		if (normalized == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.lookupKey);
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Hashing failed", ex);
		}
	}

	private static Map<String, SecretKey> parseKeys(String spec) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		for (String entry : spec.split(",")) {
			String trimmed = entry.strip();
			int colon = trimmed.indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException("intake.encryption.keys must read id:base64[,id:base64...]");
			}
			String id = trimmed.substring(0, colon);
			if (!KEY_ID.matcher(id).matches()) {
				throw new IllegalStateException("intake.encryption.keys has an invalid key id");
			}
			byte[] key = decodeBase64(trimmed.substring(colon + 1), "intake.encryption.keys");
			if (key.length != 16 && key.length != 24 && key.length != 32) {
				throw new IllegalStateException("intake.encryption.keys: key " + id + " must be 16, 24 or 32 bytes");
			}
			if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
				throw new IllegalStateException("intake.encryption.keys: key id " + id + " is listed twice");
			}
		}
		return Collections.unmodifiableMap(keys);
	}

	private static byte[] decodeBase64(String value, String property) {
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " is not valid base64");
		}
	}

}
