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
 * @param lookupKey the HMAC-SHA256 key for look-up hashes, base64, at least 32 bytes (env
 * {@code INTAKE_ENCRYPTION_LOOKUP_KEY}); changing it breaks duplicate detection against
 * older requests
 */
@Validated
@ConfigurationProperties("intake.encryption")
record EncryptionProperties(@NotBlank String keys, @NotBlank String currentKeyId, @NotBlank String lookupKey) {

	@Override
	public String toString() {
		return "EncryptionProperties[currentKeyId=" + this.currentKeyId + "]";
	}

}
