package org.treatmentnetwork.content.approaches;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.treatmentnetwork.content.seed.SeedFileReader;
import org.treatmentnetwork.content.support.ContentInvariants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged treatment approaches parse, validate and are accurate.
 */
class TreatmentApproachSeedFilesTests {

	private static ValidatorFactory validation;

	private static List<TreatmentApproachSeed> approaches;

	@BeforeAll
	static void readSeedFiles() {
		validation = Validation.buildDefaultValidatorFactory();
		SeedFileReader reader = new SeedFileReader(JsonMapper.builder().build(), validation.getValidator());
		approaches = reader.read(TreatmentApproachSeeder.LOCATION, TreatmentApproachSeed.class);
	}

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void theSixApproachesAreListedInOrder() {
		List<TreatmentApproachSeed> approaches = english();
		assertThat(approaches).extracting(TreatmentApproachSeed::key)
			.containsExactly("behavioral-therapies", "holistic-recovery", "medical-detox",
					"medication-assisted-treatment", "professional-support", "support-groups");
		assertThat(approaches.stream().sorted((a, b) -> Integer.compare(a.position(), b.position())))
			.extracting(TreatmentApproachSeed::key)
			.containsExactly("medical-detox", "medication-assisted-treatment", "behavioral-therapies", "support-groups",
					"holistic-recovery", "professional-support");
		assertThat(approaches).allSatisfy((approach) -> assertThat(approach.locale()).isEqualTo("en"));
	}

	@Test
	void noApproachRepeatsAnErrorOfTheOriginal() {
		assertThat(approaches).allSatisfy((approach) -> assertThat(
				ContentInvariants.knownErrors(approach.name() + "\n" + approach.summary() + "\n" + approach.body()))
			.as(approach.key())
			.isEmpty());
	}

	@Test
	void supportGroupsAreThoseForOpioids() {
		TreatmentApproachSeed groups = approach("support-groups");
		assertThat(groups.body()).contains("Narcotics Anonymous (NA)", "SMART Recovery");
	}

	@Test
	void medicationsMatchWhatEachApproachUses() {
		assertThat(approach("medical-detox").medications()).contains("buprenorphine", "methadone", "lofexidine")
			.noneMatch((medication) -> medication.startsWith("naltrexone"));
		assertThat(approach("medication-assisted-treatment").medications()).contains("methadone", "buprenorphine")
			.anyMatch((medication) -> medication.startsWith("naltrexone"));
		assertThat(approach("medication-assisted-treatment").body()).contains("does **not** relieve withdrawal",
				"7 to 10 opioid-free days", "given only through certified opioid treatment programs");
		assertThat(approach("medical-detox").body()).contains("naloxone");
	}

	@Test
	void everyApproachIsTranslatedToSpanishWithTheSameKeyAndPosition() {
		List<TreatmentApproachSeed> spanish = approaches.stream().filter((a) -> a.locale().equals("es")).toList();
		assertThat(spanish).extracting(TreatmentApproachSeed::key)
			.containsExactlyInAnyOrderElementsOf(english().stream().map(TreatmentApproachSeed::key).toList());
		assertThat(spanish).allSatisfy((es) -> assertThat(es.position()).isEqualTo(approach(es.key()).position()));
		TreatmentApproachSeed moud = spanish.stream()
			.filter((a) -> a.key().equals("medication-assisted-treatment"))
			.findFirst()
			.orElseThrow();
		assertThat(moud.body()).contains("**naltrexona** **no** alivia la abstinencia", "7 a 10 días sin opioides",
				"solo se da en programas certificados de tratamiento de opioides");
	}

	private static List<TreatmentApproachSeed> english() {
		return approaches.stream().filter((a) -> a.locale().equals("en")).toList();
	}

	private static TreatmentApproachSeed approach(String key) {
		return approaches.stream().filter((a) -> a.key().equals(key)).findFirst().orElseThrow();
	}

}
