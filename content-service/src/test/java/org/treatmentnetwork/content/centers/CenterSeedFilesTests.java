package org.treatmentnetwork.content.centers;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.treatmentnetwork.content.seed.SeedFileReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged demo centers parse and validate, and every center that lists methadone
 * says whether it is an opioid treatment program and how it provides methadone.
 */
class CenterSeedFilesTests {

	private static ValidatorFactory validation;

	private static List<CenterSeed> centers;

	@BeforeAll
	static void readSeedFiles() {
		validation = Validation.buildDefaultValidatorFactory();
		SeedFileReader reader = new SeedFileReader(JsonMapper.builder().build(), validation.getValidator());
		centers = reader.read(CenterSeeder.LOCATION, CenterSeed.class);
	}

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void everyCenterListingMethadoneSaysWhetherItIsAnOpioidTreatmentProgramAndHowItProvidesIt() {
		List<CenterSeed> methadone = centers.stream()
			.filter((center) -> center.services().contains(CenterService.MAT_METHADONE))
			.toList();
		assertThat(methadone).isNotEmpty().allSatisfy((center) -> {
			assertThat(center.opioidTreatmentProgram()).as(center.id()).isNotNull();
			assertThat(center.methadoneAccess()).as(center.id())
				.isEqualTo(center.opioidTreatmentProgram() ? MethadoneAccess.ON_SITE : MethadoneAccess.PARTNER_OTP);
		});
		assertThat(centers).filteredOn((center) -> !center.services().contains(CenterService.MAT_METHADONE))
			.allSatisfy((center) -> {
				assertThat(center.opioidTreatmentProgram()).as(center.id()).isFalse();
				assertThat(center.methadoneAccess()).as(center.id()).isNull();
			});
	}

	@Test
	void theCentersWithDosingHoursAreTheOpioidTreatmentPrograms() {
		assertThat(centers).filteredOn(CenterSeed::opioidTreatmentProgram)
			.extracting(CenterSeed::id)
			.containsExactlyInAnyOrder("front-range-otp-denver", "harbor-point-baltimore");
		assertThat(centers).filteredOn(CenterSeed::opioidTreatmentProgram)
			.allSatisfy((center) -> assertThat(center.hours()).contains("(dosing)"));
		assertThat(centers).filteredOn((center) -> center.methadoneAccess() == MethadoneAccess.PARTNER_OTP)
			.extracting(CenterSeed::id)
			.containsExactlyInAnyOrder("desert-bloom-phoenix", "schuylkill-house-philadelphia");
	}

	@Test
	void aCenterThatDoesNotSayHowItProvidesMethadoneIsInvalid() {
		assertThat(violations(seed(List.of(CenterService.MAT_METHADONE), false, null)))
			.containsExactly("methadoneAccessStatedForMethadone");
		assertThat(violations(seed(List.of(CenterService.DETOX), false, MethadoneAccess.PARTNER_OTP)))
			.containsExactly("methadoneAccessStatedForMethadone");
		assertThat(violations(seed(List.of(CenterService.MAT_METHADONE), false, MethadoneAccess.ON_SITE)))
			.containsExactly("methadoneAccessConsistentWithTreatmentProgram");
		assertThat(violations(seed(List.of(CenterService.MAT_METHADONE), true, MethadoneAccess.PARTNER_OTP)))
			.containsExactly("methadoneAccessConsistentWithTreatmentProgram");
		assertThat(violations(seed(List.of(CenterService.MAT_METHADONE), null, MethadoneAccess.ON_SITE)))
			.containsExactly("opioidTreatmentProgram");
		assertThat(violations(seed(List.of(CenterService.MAT_METHADONE), true, MethadoneAccess.ON_SITE))).isEmpty();
		assertThat(violations(seed(List.of(CenterService.MAT_METHADONE), false, MethadoneAccess.PARTNER_OTP)))
			.isEmpty();
	}

	private static Set<String> violations(CenterSeed seed) {
		Set<ConstraintViolation<CenterSeed>> violations = validation.getValidator().validate(seed);
		return violations.stream()
			.map((violation) -> violation.getPropertyPath().toString())
			.collect(java.util.stream.Collectors.toSet());
	}

	private static CenterSeed seed(List<CenterService> services, Boolean opioidTreatmentProgram,
			MethadoneAccess methadoneAccess) {
		return new CenterSeed("test-center", "Test Center (demo)",
				new CenterSeed.Address("1 Example Street", "Denver", "CO", "80202"), "(303) 555-0199",
				new CenterSeed.Location(39.7, -105.0), "Mon-Fri 8 a.m.-6 p.m.", services,
				List.of(PaymentOption.MEDICAID), List.of("en"), opioidTreatmentProgram, methadoneAccess);
	}

}
