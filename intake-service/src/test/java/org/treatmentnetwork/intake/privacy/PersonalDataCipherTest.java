package org.treatmentnetwork.intake.privacy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.intake.support.LegacyFormats;
import org.treatmentnetwork.intake.support.TestEncryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PersonalDataCipherTest {

	private static final String SECRET = "Zelda Quintavalle";

	private static final String LOOKUP_KEYS = TestEncryption.OLD_LOOKUP_KEY + "," + TestEncryption.LOOKUP_KEY;

	private final PersonalDataCipher cipher = new PersonalDataCipher(
			new EncryptionProperties(TestEncryption.OLD_KEY + "," + TestEncryption.CURRENT_KEY, "test-2026",
					LOOKUP_KEYS, "test-lookup-2026", null));

	@Test
	void encryptsWithTheCurrentKeyAndDecryptsBack() {
		String stored = this.cipher.encrypt(SECRET, "r1", "name");

		assertThat(stored).startsWith("gcm2:test-2026:").doesNotContain(SECRET, "Zelda");
		assertThat(this.cipher.decrypt(stored, "r1", "name")).isEqualTo(SECRET);
		assertThat(this.cipher.encrypt(SECRET, "r1", "name")).as("a fresh IV each time").isNotEqualTo(stored);
		assertThat(this.cipher.encrypt(null, "r1", "name")).isNull();
		assertThat(this.cipher.decrypt(null, "r1", "name")).isNull();
	}

	@Test
	void valuesEncryptedWithAnOlderKeyStillDecryptAfterRotation() {
		PersonalDataCipher before = new PersonalDataCipher(new EncryptionProperties(TestEncryption.OLD_KEY, "test-old",
				TestEncryption.LOOKUP_KEY, "test-lookup-2026", null));
		String stored = before.encrypt(SECRET, "r1", "name");

		assertThat(stored).startsWith("gcm2:test-old:");
		assertThat(this.cipher.decrypt(stored, "r1", "name")).isEqualTo(SECRET);
	}

	@Test
	void valueMovedToAnotherRecordOrTamperedWithDoesNotDecrypt() {
		String stored = this.cipher.encrypt(SECRET, "r1", "name");
		char last = stored.charAt(stored.length() - 2);
		String tampered = stored.substring(0, stored.length() - 2) + ((last == 'A') ? 'B' : 'A')
				+ stored.charAt(stored.length() - 1);

		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(stored, "r2", "name"))
			.withMessageNotContaining(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(tampered, "r1", "name"));
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(SECRET, "r1", "name"))
			.withMessageNotContaining(SECRET);
	}

	@Test
	void valuesSwappedBetweenTwoFieldsOfOneRecordDoNotDecrypt() {
		String name = this.cipher.encrypt(SECRET, "r1", PersonalFields.NAME);
		String message = this.cipher.encrypt("I want to stop", "r1", PersonalFields.MESSAGE);

		assertThat(this.cipher.decrypt(name, "r1", PersonalFields.NAME)).isEqualTo(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(name, "r1", PersonalFields.MESSAGE))
			.withMessageNotContaining(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(message, "r1", PersonalFields.NAME));
		Instant first = Instant.parse("2026-11-24T22:00:00.001Z");
		String note = this.cipher.encrypt("call back after 6", "r1", PersonalFields.historyNote(first));
		assertThat(this.cipher.decrypt(note, "r1", PersonalFields.historyNote(first))).isEqualTo("call back after 6");
		assertThatIllegalStateException().as("moved to another history entry")
			.isThrownBy(() -> this.cipher.decrypt(note, "r1", PersonalFields.historyNote(first.plusMillis(1))));
	}

	@Test
	void valuesStoredBeforeTheFieldWasBoundStillDecryptWithTheRecordIdAlone() {
		String legacy = LegacyFormats.encrypt(SECRET, "r1", TestEncryption.CURRENT_KEY);

		assertThat(legacy).startsWith("gcm1:test-2026:");
		assertThat(this.cipher.decrypt(legacy, "r1", PersonalFields.NAME)).isEqualTo(SECRET);
		assertThat(this.cipher.decryptList(LegacyFormats.encrypt("[\"heroin\"]", "r1", TestEncryption.CURRENT_KEY),
				"r1", PersonalFields.SUBSTANCES))
			.containsExactly("heroin");
		assertThatIllegalStateException().as("still bound to its record")
			.isThrownBy(() -> this.cipher.decrypt(legacy, "r2", PersonalFields.NAME));
	}

	@Test
	void valueOfAKeyThatIsNoLongerConfiguredDoesNotDecrypt() {
		PersonalDataCipher onlyCurrent = new PersonalDataCipher(new EncryptionProperties(TestEncryption.CURRENT_KEY,
				"test-2026", TestEncryption.LOOKUP_KEY, "test-lookup-2026", null));
		PersonalDataCipher onlyOld = new PersonalDataCipher(new EncryptionProperties(TestEncryption.OLD_KEY, "test-old",
				TestEncryption.LOOKUP_KEY, "test-lookup-2026", null));

		assertThatIllegalStateException()
			.isThrownBy(() -> onlyCurrent.decrypt(onlyOld.encrypt(SECRET, "r1", "name"), "r1", "name"))
			.withMessageContaining("not configured");
	}

	@Test
	void listsRoundTrip() {
		String stored = this.cipher.encryptList(List.of("heroin", "fentanyl"), "r1", "substances");

		assertThat(stored).doesNotContain("heroin");
		assertThat(this.cipher.decryptList(stored, "r1", "substances")).containsExactly("heroin", "fentanyl");
		assertThat(this.cipher.encryptList(List.of(), "r1", "substances")).isNull();
		assertThat(this.cipher.decryptList(null, "r1", "substances")).isEmpty();
	}

	@Test
	void lookupHashesNameTheirKeyAndAreStableKeyedAndSeparatedByPurpose() {
		String hash = this.cipher.lookupHash("phone", "+15550100199");

		assertThat(hash).startsWith("hmac1:test-lookup-2026:").doesNotContain("5550100199");
		assertThat(hash.substring("hmac1:test-lookup-2026:".length())).hasSize(64);
		assertThat(this.cipher.lookupHash("phone", "+15550100199")).isEqualTo(hash);
		assertThat(this.cipher.lookupHash("email", "+15550100199")).isNotEqualTo(hash);
		assertThat(this.cipher.lookupHash("phone", null)).isNull();
		assertThat(this.cipher.lookupHashes("phone", null)).isEmpty();
	}

	@Test
	void aHashMadeBeforeALookupKeyRotationIsAmongTheHashesAfterIt() {
		PersonalDataCipher before = new PersonalDataCipher(new EncryptionProperties(TestEncryption.CURRENT_KEY,
				"test-2026", TestEncryption.OLD_LOOKUP_KEY, "test-lookup-old", null));
		String storedBefore = before.lookupHash("phone", "+15550100199");

		String storedAfter = this.cipher.lookupHash("phone", "+15550100199");
		List<String> matches = this.cipher.lookupHashes("phone", "+15550100199");

		assertThat(storedBefore).startsWith("hmac1:test-lookup-old:");
		assertThat(storedAfter).startsWith("hmac1:test-lookup-2026:").isNotEqualTo(storedBefore);
		assertThat(matches).containsExactly(storedAfter, storedBefore);
		assertThat(this.cipher.lookupHashes("phone", "+15550100198")).doesNotContain(storedBefore, storedAfter);
		PersonalDataCipher oldKeyRemoved = new PersonalDataCipher(new EncryptionProperties(TestEncryption.CURRENT_KEY,
				"test-2026", TestEncryption.LOOKUP_KEY, "test-lookup-2026", null));
		assertThat(oldKeyRemoved.lookupHashes("phone", "+15550100199")).containsExactly(storedAfter);
	}

	@Test
	void unversionedHashesOfTheLegacyLookupKeyStillMatch() {
		String legacy = LegacyFormats.hash(TestEncryption.OLD_LOOKUP_KEY, "phone", "+15550100199");
		PersonalDataCipher withLegacy = new PersonalDataCipher(new EncryptionProperties(TestEncryption.CURRENT_KEY,
				"test-2026", LOOKUP_KEYS, "test-lookup-2026", "test-lookup-old"));

		assertThat(legacy).hasSize(64).doesNotContain(":");
		assertThat(withLegacy.lookupHashes("phone", "+15550100199")).hasSize(3).endsWith(legacy);
		assertThat(this.cipher.lookupHashes("phone", "+15550100199")).as("no legacy key configured")
			.doesNotContain(legacy);
	}

	@Test
	void misconfiguredKeysStopTheServiceFromStarting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonalDataCipher(new EncryptionProperties(TestEncryption.CURRENT_KEY, "missing",
					TestEncryption.LOOKUP_KEY, "test-lookup-2026", null)));
		assertThatIllegalStateException().isThrownBy(() -> new PersonalDataCipher(
				new EncryptionProperties("k1:c2hvcnQ=", "k1", TestEncryption.LOOKUP_KEY, "test-lookup-2026", null)));
		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonalDataCipher(
					new EncryptionProperties(TestEncryption.CURRENT_KEY, "test-2026", "l1:c2hvcnQ=", "l1", null)))
			.withMessageContaining("intake.encryption.lookup-keys");
		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonalDataCipher(new EncryptionProperties("no-colon-here", "test-2026",
					TestEncryption.LOOKUP_KEY, "test-lookup-2026", null)));
		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonalDataCipher(new EncryptionProperties(TestEncryption.CURRENT_KEY, "test-2026",
					TestEncryption.LOOKUP_KEY, "missing", null)))
			.withMessageContaining("current-lookup-key-id");
		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonalDataCipher(new EncryptionProperties(TestEncryption.CURRENT_KEY, "test-2026",
					TestEncryption.LOOKUP_KEY, "test-lookup-2026", "missing")))
			.withMessageContaining("legacy-lookup-key-id");
	}

}
