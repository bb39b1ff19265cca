package org.treatmentnetwork.intake.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test-only encryption keys: an old key that still decrypts, a current key, and two
 * look-up keys (an old one whose hashes still match, and the current one).
 */
public final class TestEncryption {

	public static final String OLD_KEY = "test-old:wNRN1ULIrA2p1R0VnDfrUMExA/RPTyKDsGeYDI2Tz/A=";

	public static final String CURRENT_KEY = "test-2026:ZtkgOFYHEaJB/Av9bOAXjR4tVnS/Oavk51Uw8S0t0Z4=";

	public static final String OLD_LOOKUP_KEY = "test-lookup-old:qC9eR8m7aJ1Ot5k2ZlY0uVf3x6WnBd4HsGpEiTcKyMo=";

	public static final String LOOKUP_KEY = "test-lookup-2026:kHkjYPSN54XrAk/IcWKeOD0QKyw0q1vhGFLabhgmnC0=";

	private TestEncryption() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("intake.encryption.keys", () -> OLD_KEY + "," + CURRENT_KEY);
		registry.add("intake.encryption.current-key-id", () -> "test-2026");
		registry.add("intake.encryption.lookup-keys", () -> OLD_LOOKUP_KEY + "," + LOOKUP_KEY);
		registry.add("intake.encryption.current-lookup-key-id", () -> "test-lookup-2026");
	}

}
