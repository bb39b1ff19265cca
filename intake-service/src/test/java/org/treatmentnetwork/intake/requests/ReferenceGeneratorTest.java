package org.treatmentnetwork.intake.requests;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceGeneratorTest {

	@Test
	void referencesAreTwoGroupsOfFourUnambiguousCharacters() {
		ReferenceGenerator generator = new ReferenceGenerator();
		for (int i = 0; i < 10_000; i++) {
			assertThat(generator.next()).matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")
				.doesNotContain("0", "O", "1", "I", "L", "U");
		}
	}

	@Test
	void alphabetHasNoLookAlikes() {
		assertThat(ReferenceGenerator.ALPHABET).hasSize(30).doesNotContain("0", "O", "1", "I", "L", "U");
		assertThat(ReferenceGenerator.ALPHABET.chars().distinct().count()).isEqualTo(30);
	}

	@Test
	void everySymbolIsUsed() {
		ReferenceGenerator generator = new ReferenceGenerator(new Random(42));
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			for (char c : generator.next().replace("-", "").toCharArray()) {
				seen.add(c);
			}
		}
		assertThat(seen).hasSize(30);
	}

	@Test
	void referencesDoNotRepeat() {
		ReferenceGenerator generator = new ReferenceGenerator();
		Set<String> references = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			references.add(generator.next());
		}
		// 10^4 draws from 6.6 x 10^11 codes: a repeat has a probability below 10^-4.
		assertThat(references).hasSize(10_000);
	}

}
