package org.treatmentnetwork.content.centers;

import jakarta.validation.Validation;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.treatmentnetwork.content.mongo.MongoProperties;
import org.treatmentnetwork.content.seed.SeedFileReader;
import org.treatmentnetwork.content.support.MongoTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Geo ordering and filtering of the seeded demo centers against the embedded MongoDB
 * wire-protocol server (bounding box in the database, haversine in the application).
 */
@DataMongoTest
@Import({ CenterCatalog.class, CenterSeeder.class, CenterCatalogTests.SeedFiles.class })
@EnableConfigurationProperties(MongoProperties.class)
class CenterCatalogTests {

	/** Downtown Baltimore. */
	private static final GeoPoint BALTIMORE = new GeoPoint(39.2904, -76.6122);

	@Autowired
	private CenterCatalog catalog;

	@Autowired
	private CenterSeeder seeder;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@TestConfiguration(proxyBeanMethods = false)
	static class SeedFiles {

		@Bean
		SeedFileReader seedFileReader() {
			return new SeedFileReader(JsonMapper.builder().build(),
					Validation.buildDefaultValidatorFactory().getValidator());
		}

	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("content-centers"));
	}

	@BeforeEach
	void seed() {
		StepVerifier.create(this.seeder.seed()).expectNextCount(1).verifyComplete();
	}

	@Test
	void seedsAFictionalNetworkOfAtLeastEightCentersInSeveralCities() {
		StepVerifier.create(this.catalog.all(null, 50)).assertNext((centers) -> {
			assertThat(centers).hasSizeGreaterThanOrEqualTo(8);
			assertThat(centers).extracting(Center::city).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(8);
			assertThat(centers).allSatisfy((center) -> {
				assertThat(center.name()).contains("(demo)");
				assertThat(center.phone()).matches("\\(\\d{3}\\) 555-01\\d{2}");
				assertThat(center.services()).isNotEmpty();
				assertThat(center.payment()).isNotEmpty();
				assertThat(center.hours()).isNotBlank();
				assertThat(center.distanceKm()).isNull();
			});
			assertThat(centers.stream().flatMap((center) -> center.services().stream()).distinct())
				.containsExactlyInAnyOrder(CenterService.values());
		}).verifyComplete();
	}

	@Test
	void listsNearbyCentersNearestFirstWithTheirDistance() {
		StepVerifier.create(this.catalog.near(BALTIMORE, 250, null, 20)).assertNext((centers) -> {
			assertThat(centers).extracting(Center::id)
				.containsExactly("harbor-point-baltimore", "towson-telehealth-baltimore",
						"schuylkill-house-philadelphia");
			assertThat(centers).extracting(Center::distanceKm).isSorted();
			assertThat(centers.get(0).distanceKm()).isLessThan(2.0);
			// Baltimore to Philadelphia is about 145 km in a straight line.
			assertThat(centers.get(2).distanceKm()).isBetween(135.0, 155.0);
		}).verifyComplete();
	}

	@Test
	void filtersByServiceAndRadius() {
		StepVerifier.create(this.catalog.near(BALTIMORE, 250, CenterService.RESIDENTIAL, 20))
			.assertNext((centers) -> assertThat(centers).extracting(Center::id)
				.containsExactly("schuylkill-house-philadelphia"))
			.verifyComplete();
		StepVerifier.create(this.catalog.near(BALTIMORE, 50, CenterService.MAT_METHADONE, 20))
			.assertNext(
					(centers) -> assertThat(centers).extracting(Center::id).containsExactly("harbor-point-baltimore"))
			.verifyComplete();
		StepVerifier.create(this.catalog.near(BALTIMORE, 5, CenterService.TELEHEALTH, 20))
			.assertNext((centers) -> assertThat(centers).isEmpty())
			.verifyComplete();
	}

	@Test
	void aWideSearchOrdersTheWholeCountryByDistance() {
		GeoPoint denver = new GeoPoint(39.7392, -104.9903);
		StepVerifier.create(this.catalog.near(denver, 1000, null, 3))
			.assertNext((centers) -> assertThat(centers).extracting(Center::id)
				.containsExactly("front-range-otp-denver", "sandia-recovery-albuquerque", "desert-bloom-phoenix"))
			.verifyComplete();
	}

	@Test
	void everyCenterListingMethadoneSaysWhetherItIsAnOpioidTreatmentProgram() {
		StepVerifier.create(this.catalog.all(null, 50)).assertNext((centers) -> {
			assertThat(centers).allSatisfy((center) -> assertThat(center.opioidTreatmentProgram()).isNotNull());
			assertThat(centers).filteredOn((center) -> center.services().contains(CenterService.MAT_METHADONE))
				.extracting(Center::id, Center::opioidTreatmentProgram, Center::methadoneAccess)
				.containsExactlyInAnyOrder(tuple("front-range-otp-denver", true, MethadoneAccess.ON_SITE),
						tuple("harbor-point-baltimore", true, MethadoneAccess.ON_SITE),
						tuple("desert-bloom-phoenix", false, MethadoneAccess.PARTNER_OTP),
						tuple("schuylkill-house-philadelphia", false, MethadoneAccess.PARTNER_OTP));
			assertThat(centers).filteredOn((center) -> !center.services().contains(CenterService.MAT_METHADONE))
				.allSatisfy((center) -> {
					assertThat(center.opioidTreatmentProgram()).isFalse();
					assertThat(center.methadoneAccess()).isNull();
				});
		}).verifyComplete();
	}

	@Test
	void seedingFillsInTheTreatmentProgramOfACenterStoredWithoutItAndChangesNothingElse() {
		Query harbor = Query.query(Criteria.where("_id").is("harbor-point-baltimore"));
		Query cascade = Query.query(Criteria.where("_id").is("cascade-clinic-seattle"));
		StepVerifier
			.create(this.mongo
				.updateFirst(harbor, new Update().unset("opioidTreatmentProgram").unset("methadoneAccess"), "centers")
				.then(this.mongo.updateFirst(cascade, new Update().set("hours", "Changed by an editor"), "centers")))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(this.mongo.findOne(harbor, Document.class, "centers"))
			.assertNext((stored) -> assertThat(stored).doesNotContainKeys("opioidTreatmentProgram", "methadoneAccess"))
			.verifyComplete();

		StepVerifier.create(this.seeder.seed())
			.assertNext((report) -> assertThat(report.inserted()).isZero())
			.verifyComplete();

		StepVerifier.create(this.mongo.findOne(harbor, Document.class, "centers")).assertNext((stored) -> {
			assertThat(stored.get("opioidTreatmentProgram")).isEqualTo(true);
			assertThat(stored.get("methadoneAccess")).isEqualTo("ON_SITE");
		}).verifyComplete();
		StepVerifier.create(this.mongo.findOne(cascade, Document.class, "centers"))
			.assertNext((stored) -> assertThat(stored.get("hours")).isEqualTo("Changed by an editor"))
			.verifyComplete();
		StepVerifier
			.create(this.mongo.updateFirst(cascade, new Update().set("hours", "Mon-Fri 8 a.m.-6 p.m."), "centers"))
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void seedingAgainInsertsNothing() {
		StepVerifier.create(this.seeder.seed())
			.assertNext((report) -> assertThat(report.inserted()).isZero())
			.verifyComplete();
		StepVerifier.create(this.mongo.count(new Query(), "centers")).expectNext(10L).verifyComplete();
	}

}
