package org.treatmentnetwork.content.centers;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A center as packaged in {@code seed/centers/*.json}. The seeded network is a fictional
 * demo: names say "(demo)" and phone numbers are in the 555-01xx range reserved for
 * fiction.
 *
 * @param id the stable id
 * @param name the display name
 * @param address the postal address
 * @param phone the number to call
 * @param location where it is
 * @param hours when it is open
 * @param services what it offers
 * @param payment how it can be paid
 * @param languages the languages spoken
 * @param opioidTreatmentProgram whether the center is a certified opioid treatment
 * program (OTP), the only setting that dispenses methadone for opioid use disorder
 * @param methadoneAccess how methadone is provided: required when
 * {@link CenterService#MAT_METHADONE} is listed, absent otherwise; {@code ON_SITE} only
 * for an OTP, {@code PARTNER_OTP} only for a center that is not one
 */
record CenterSeed(@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id, @NotBlank String name,
		@Valid @NotNull Address address, @NotBlank @Pattern(regexp = "\\(\\d{3}\\) 555-01\\d{2}") String phone,
		@Valid @NotNull Location location, @NotBlank String hours, @NotEmpty List<@NotNull CenterService> services,
		@NotEmpty List<@NotNull PaymentOption> payment, @NotEmpty List<@Pattern(regexp = "[a-z]{2}") String> languages,
		@NotNull Boolean opioidTreatmentProgram, MethadoneAccess methadoneAccess) {

	@AssertTrue(message = "must say how methadone is provided exactly when MAT_METHADONE is listed")
	boolean isMethadoneAccessStatedForMethadone() {
		boolean listsMethadone = this.services != null && this.services.contains(CenterService.MAT_METHADONE);
		return listsMethadone == (this.methadoneAccess != null);
	}

	@AssertTrue(message = "ON_SITE only for an opioid treatment program, PARTNER_OTP only for a center that is not one")
	boolean isMethadoneAccessConsistentWithTreatmentProgram() {
		if (this.methadoneAccess == null || this.opioidTreatmentProgram == null) {
			return true;
		}
		return (this.methadoneAccess == MethadoneAccess.ON_SITE) == this.opioidTreatmentProgram;
	}

	CenterDocument toDocument() {
		return new CenterDocument(this.id, this.name,
				new CenterDocument.Address(this.address.street(), this.address.city(), this.address.state(),
						this.address.postalCode()),
				this.phone, new CenterDocument.Location(this.location.lat(), this.location.lng()), this.hours,
				List.copyOf(this.services), List.copyOf(this.payment), List.copyOf(this.languages),
				this.opioidTreatmentProgram, this.methadoneAccess);
	}

	/**
	 * A postal address.
	 *
	 * @param street the street line
	 * @param city the city
	 * @param state the two-letter state code
	 * @param postalCode the ZIP code
	 */
	record Address(@NotBlank String street, @NotBlank String city, @NotBlank @Pattern(regexp = "[A-Z]{2}") String state,
			@NotBlank @Pattern(regexp = "\\d{5}") String postalCode) {

	}

	/**
	 * A point on Earth.
	 *
	 * @param lat latitude in degrees
	 * @param lng longitude in degrees
	 */
	record Location(@DecimalMin("-90") @DecimalMax("90") double lat,
			@DecimalMin("-180") @DecimalMax("180") double lng) {

	}

}
