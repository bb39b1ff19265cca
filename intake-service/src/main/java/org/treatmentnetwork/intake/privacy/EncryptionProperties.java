package org.treatmentnetwork.intake.privacy;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys for personal data. There are no defaults: without keys the service does not start.
 * The {@code local} profile ({@code application-local.yml}) carries development keys for
 * the local stack only.
 *
 * @param keys the AES keys as {@code id:base64[,id:base64...]} (16, 24 or 32 bytes each;
 * env {@code INTAKE_ENCRYPTION_KEYS}); every listed key can decrypt
 * @param currentKeyId the id of the key new values are encrypted with (env
 * {@code INTAKE_ENCRYPTION_CURRENT_KEY_ID})
 * @param lookupKeys the HMAC-SHA256 keys for look-up hashes as
 * {@code id:base64[,id:base64...]}, at least 32 bytes each (env
 * {@code INTAKE_ENCRYPTION_LOOKUP_KEYS}); a stored hash of any listed key still matches
 * @param currentLookupKeyId the id of the look-up key new hashes are made with (env
 * {@code INTAKE_ENCRYPTION_CURRENT_LOOKUP_KEY_ID})
 * @param legacyLookupKeyId optional: the id of the look-up key that made the hashes
 * stored without a key id (before hashes were versioned), so that they still match (env
 * {@code INTAKE_ENCRYPTION_LEGACY_LOOKUP_KEY_ID})
 */
@Validated
@ConfigurationProperties("intake.encryption")
record EncryptionProperties(@NotBlank String keys, @NotBlank String currentKeyId, @NotBlank String lookupKeys,
		@NotBlank String currentLookupKeyId, String legacyLookupKeyId) {

	@Override
	public String toString() {
		return "EncryptionProperties[currentKeyId=" + this.currentKeyId + ", currentLookupKeyId="
				+ this.currentLookupKeyId + ", legacyLookupKeyId=" + this.legacyLookupKeyId + "]";
	}

}
