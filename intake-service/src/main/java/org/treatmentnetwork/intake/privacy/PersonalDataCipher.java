package org.treatmentnetwork.intake.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
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
 * A stored value reads {@code gcm2:<keyId>:<base64(iv || ciphertext || tag)>}. The record
 * id and the field name ({@code <recordId>|<field>}) are bound as additional
 * authenticated data, so a value copied into another request, or into another field of
 * the same request, does not decrypt. Values written before the field name was bound read
 * {@code gcm1:…} with the record id alone as additional data; they still decrypt, and new
 * values are always written as {@code gcm2}. New values use the current key; any
 * configured key decrypts, so keys can be rotated by adding a new one, making it current,
 * and removing the old one once no value uses it.
 *
 * <p>
 * A look-up hash reads {@code hmac1:<lookupKeyId>:<hex>}. New hashes use the current
 * look-up key; {@link #lookupHashes} gives the hashes of a value under every configured
 * look-up key (and, for the legacy key, in the unversioned form of hashes stored before
 * they named their key), so that a look-up still finds values hashed before a rotation.
 */
@Component
public class PersonalDataCipher {

	private static final String PREFIX = "gcm2:";

	private static final String LEGACY_PREFIX = "gcm1:";

	private static final String HASH_PREFIX = "hmac1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	private final Map<String, SecretKey> keys;

	private final String currentKeyId;

	private final Map<String, SecretKey> lookupKeys;

	private final String currentLookupKeyId;

	private final SecretKey legacyLookupKey;

	private final SecureRandom random = new SecureRandom();

	private final JsonMapper json = JsonMapper.builder().build();

	PersonalDataCipher(EncryptionProperties properties) {
		this.keys = parseKeys(properties.keys(), "intake.encryption.keys", "AES",
				(length) -> length == 16 || length == 24 || length == 32, "16, 24 or 32 bytes");
		this.currentKeyId = properties.currentKeyId().strip();
		if (!this.keys.containsKey(this.currentKeyId)) {
			throw new IllegalStateException("intake.encryption.current-key-id names no configured key");
		}
		this.lookupKeys = parseKeys(properties.lookupKeys(), "intake.encryption.lookup-keys", "HmacSHA256",
				(length) -> length >= 32, "at least 32 bytes");
		this.currentLookupKeyId = properties.currentLookupKeyId().strip();
		if (!this.lookupKeys.containsKey(this.currentLookupKeyId)) {
			throw new IllegalStateException(
					"intake.encryption.current-lookup-key-id names no key of intake.encryption.lookup-keys");
		}
		String legacyId = properties.legacyLookupKeyId();
		if (legacyId != null && !legacyId.isBlank()) {
			this.legacyLookupKey = this.lookupKeys.get(legacyId.strip());
			if (this.legacyLookupKey == null) {
				throw new IllegalStateException(
						"intake.encryption.legacy-lookup-key-id names no key of intake.encryption.lookup-keys");
			}
		}
		else {
			this.legacyLookupKey = null;
		}
	}

	/**
	 * Encrypts a value with the current key.
	 * @param plaintext the value, may be {@code null}
	 * @param recordId the id of the record it belongs to (authenticated, not encrypted)
	 * @param field the field of the record it is stored in (authenticated, not encrypted)
	 * @return the stored form, or {@code null} for {@code null}
	 */
	public String encrypt(String plaintext, String recordId, String field) {
		if (plaintext == null) {
			return null;
		}
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData(recordId, field));
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
	 * @param field the field of the record it was read from
	 * @return the plaintext, or {@code null} for {@code null}
	 * @throws IllegalStateException when the key is unknown or the value was tampered
	 * with or moved (the message never contains the value)
	 */
	public String decrypt(String stored, String recordId, String field) {
		if (stored == null) {
			return null;
		}
		byte[] associatedData;
		String rest;
		if (stored.startsWith(PREFIX)) {
			associatedData = associatedData(recordId, field);
			rest = stored.substring(PREFIX.length());
		}
		else if (stored.startsWith(LEGACY_PREFIX)) {
			associatedData = recordId.getBytes(StandardCharsets.UTF_8);
			rest = stored.substring(LEGACY_PREFIX.length());
		}
		else {
			throw new IllegalStateException("Stored value is not encrypted");
		}
		int colon = rest.indexOf(':');
		if (colon < 0) {
			throw new IllegalStateException("Stored value is malformed");
		}
		SecretKey key = this.keys.get(rest.substring(0, colon));
		if (key == null) {
			throw new IllegalStateException("Stored value uses a key that is not configured");
		}
		try {
			byte[] raw = Base64.getDecoder().decode(rest.substring(colon + 1));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
			cipher.updateAAD(associatedData);
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
	public String encryptList(List<String> values, String recordId, String field) {
		return (values == null || values.isEmpty()) ? null
				: encrypt(this.json.writeValueAsString(values), recordId, field);
	}

	/**
	 * Decrypts a list encrypted by {@link #encryptList}.
	 * @return the list, empty for {@code null}
	 */
	public List<String> decryptList(String stored, String recordId, String field) {
		String plain = decrypt(stored, recordId, field);
		return (plain != null) ? List.copyOf(this.json.readValue(plain, STRING_LIST)) : List.of();
	}

	/**
	 * A keyed hash for look-ups, such as the same person's earlier requests, made with
	 * the current look-up key: the form to store.
	 * @param purpose what is hashed (such as {@code phone}), so that equal values of
	 * different kinds do not match
	 * @param normalized the normalised value, may be {@code null}
	 * @return {@code hmac1:<lookupKeyId>:<hex>}, or {@code null} for {@code null}
	 */
	public String lookupHash(String purpose, String normalized) {
		if (normalized == null) {
			return null;
		}
		return HASH_PREFIX + this.currentLookupKeyId + ":"
				+ hmac(this.lookupKeys.get(this.currentLookupKeyId), purpose, normalized);
	}

	/**
	 * Every form a stored hash of this value can have: under the current look-up key
	 * first (the same as {@link #lookupHash}), then under each other configured look-up
	 * key, then, if a legacy look-up key is configured, the unversioned hash of that key.
	 * @param purpose what is hashed
	 * @param normalized the normalised value, may be {@code null}
	 * @return the hashes, empty for {@code null}
	 */
	public List<String> lookupHashes(String purpose, String normalized) {
		if (normalized == null) {
			return List.of();
		}
		List<String> hashes = new ArrayList<>();
		hashes.add(lookupHash(purpose, normalized));
		this.lookupKeys.forEach((id, key) -> {
			if (!id.equals(this.currentLookupKeyId)) {
				hashes.add(HASH_PREFIX + id + ":" + hmac(key, purpose, normalized));
			}
		});
		if (this.legacyLookupKey != null) {
			hashes.add(hmac(this.legacyLookupKey, purpose, normalized));
		}
		return List.copyOf(hashes);
	}

	private static String hmac(SecretKey key, String purpose, String normalized) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Hashing failed", ex);
		}
	}

	private static byte[] associatedData(String recordId, String field) {
		return (recordId + "|" + field).getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, SecretKey> parseKeys(String spec, String property, String algorithm,
			IntPredicate validLength, String lengths) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		for (String entry : spec.split(",")) {
			String trimmed = entry.strip();
			int colon = trimmed.indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException(property + " must read id:base64[,id:base64...]");
			}
			String id = trimmed.substring(0, colon);
			if (!KEY_ID.matcher(id).matches()) {
				throw new IllegalStateException(property + " has an invalid key id");
			}
			byte[] key = decodeBase64(trimmed.substring(colon + 1), property);
			if (!validLength.test(key.length)) {
				throw new IllegalStateException(property + ": key " + id + " must be " + lengths);
			}
			if (keys.put(id, new SecretKeySpec(key, algorithm)) != null) {
				throw new IllegalStateException(property + ": key id " + id + " is listed twice");
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
