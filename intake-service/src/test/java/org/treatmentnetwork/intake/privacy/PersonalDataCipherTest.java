package org.treatmentnetwork.intake.privacy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.intake.support.TestEncryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PersonalDataCipherTest {

	private static final String SECRET = "Zelda Quintavalle";

	private final PersonalDataCipher cipher = new PersonalDataCipher(new EncryptionProperties(
			TestEncryption.OLD_KEY + "," + TestEncryption.CURRENT_KEY, "test-2026", TestEncryption.LOOKUP_KEY));

	@Test
	void encryptsWithTheCurrentKeyAndDecryptsBack() {
		String stored = this.cipher.encrypt(SECRET, "r1");

		assertThat(stored).startsWith("gcm1:test-2026:").doesNotContain(SECRET, "Zelda");
		assertThat(this.cipher.decrypt(stored, "r1")).isEqualTo(SECRET);
		assertThat(this.cipher.encrypt(SECRET, "r1")).as("a fresh IV each time").isNotEqualTo(stored);
		assertThat(this.cipher.encrypt(null, "r1")).isNull();
		assertThat(this.cipher.decrypt(null, "r1")).isNull();
	}

	@Test
	void valuesEncryptedWithAnOlderKeyStillDecryptAfterRotation() {
		PersonalDataCipher before = new PersonalDataCipher(
				new EncryptionProperties(TestEncryption.OLD_KEY, "test-old", TestEncryption.LOOKUP_KEY));
		String stored = before.encrypt(SECRET, "r1");

		assertThat(stored).startsWith("gcm1:test-old:");
		assertThat(this.cipher.decrypt(stored, "r1")).isEqualTo(SECRET);
	}

	@Test
	void valueMovedToAnotherRecordOrTamperedWithDoesNotDecrypt() {
		String stored = this.cipher.encrypt(SECRET, "r1");
		char last = stored.charAt(stored.length() - 2);
		String tampered = stored.substring(0, stored.length() - 2) + ((last == 'A') ? 'B' : 'A')
				+ stored.charAt(stored.length() - 1);

		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(stored, "r2"))
			.withMessageNotContaining(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(tampered, "r1"));
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(SECRET, "r1"))
			.withMessageNotContaining(SECRET);
	}

	@Test
	void valueOfAKeyThatIsNoLongerConfiguredDoesNotDecrypt() {
		PersonalDataCipher onlyCurrent = new PersonalDataCipher(
				new EncryptionProperties(TestEncryption.CURRENT_KEY, "test-2026", TestEncryption.LOOKUP_KEY));
		PersonalDataCipher onlyOld = new PersonalDataCipher(
				new EncryptionProperties(TestEncryption.OLD_KEY, "test-old", TestEncryption.LOOKUP_KEY));

		assertThatIllegalStateException().isThrownBy(() -> onlyCurrent.decrypt(onlyOld.encrypt(SECRET, "r1"), "r1"))
			.withMessageContaining("not configured");
	}

	@Test
	void listsRoundTrip() {
		String stored = this.cipher.encryptList(List.of("heroin", "fentanyl"), "r1");

		assertThat(stored).doesNotContain("heroin");
		assertThat(this.cipher.decryptList(stored, "r1")).containsExactly("heroin", "fentanyl");
		assertThat(this.cipher.encryptList(List.of(), "r1")).isNull();
		assertThat(this.cipher.decryptList(null, "r1")).isEmpty();
	}

	@Test
	void lookupHashesAreStableKeyedAndSeparatedByPurpose() {
		String hash = this.cipher.lookupHash("phone", "+15550100199");

		assertThat(hash).hasSize(64).doesNotContain("5550100199");
		assertThat(this.cipher.lookupHash("phone", "+15550100199")).isEqualTo(hash);
		assertThat(this.cipher.lookupHash("email", "+15550100199")).isNotEqualTo(hash);
		PersonalDataCipher otherLookupKey = new PersonalDataCipher(new EncryptionProperties(TestEncryption.CURRENT_KEY,
				"test-2026", "wNRN1ULIrA2p1R0VnDfrUMExA/RPTyKDsGeYDI2Tz/A="));
		assertThat(otherLookupKey.lookupHash("phone", "+15550100199")).isNotEqualTo(hash);
	}

	@Test
	void misconfiguredKeysStopTheServiceFromStarting() {
		assertThatIllegalStateException().isThrownBy(() -> new PersonalDataCipher(
				new EncryptionProperties(TestEncryption.CURRENT_KEY, "missing", TestEncryption.LOOKUP_KEY)));
		assertThatIllegalStateException().isThrownBy(
				() -> new PersonalDataCipher(new EncryptionProperties("k1:c2hvcnQ=", "k1", TestEncryption.LOOKUP_KEY)));
		assertThatIllegalStateException().isThrownBy(() -> new PersonalDataCipher(
				new EncryptionProperties(TestEncryption.CURRENT_KEY, "test-2026", "c2hvcnQ=")));
		assertThatIllegalStateException().isThrownBy(() -> new PersonalDataCipher(
				new EncryptionProperties("no-colon-here", "test-2026", TestEncryption.LOOKUP_KEY)));
	}

}
