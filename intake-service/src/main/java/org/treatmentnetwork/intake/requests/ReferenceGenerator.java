package org.treatmentnetwork.intake.requests;

import java.security.SecureRandom;
import java.util.Random;

import org.springframework.stereotype.Component;

/**
 * Short references a caller can read over the phone: eight characters, shown as
 * {@code XXXX-XXXX}, from an alphabet without characters that are easily confused when
 * read or heard ({@code 0/O}, {@code 1/I/L}, and {@code U}, which is heard as "you"). 30
 * symbols give 30^8 (about 6.6 x 10^11) codes; uniqueness is enforced by a unique index
 * and a retry on collision.
 */
@Component
class ReferenceGenerator {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

	private final Random random;

	ReferenceGenerator() {
		this(new SecureRandom());
	}

	ReferenceGenerator(Random random) {
		this.random = random;
	}

	String next() {
		char[] code = new char[9];
		for (int i = 0; i < code.length; i++) {
			code[i] = (i == 4) ? '-' : ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}

}
