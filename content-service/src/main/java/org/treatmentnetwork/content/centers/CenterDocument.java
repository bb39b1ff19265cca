package org.treatmentnetwork.content.centers;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A treatment center as stored in the {@code centers} collection.
 *
 * @param id the stable id
 * @param name the display name
 * @param address the postal address
 * @param phone the number to call
 * @param location where it is (WGS84 degrees)
 * @param hours when it is open, as shown to the public
 * @param services what it offers
 * @param payment how it can be paid
 * @param languages the languages spoken (ISO 639-1)
 * @param opioidTreatmentProgram whether the center is a certified opioid treatment
 * program; {@code null} in a document stored before the field existed
 * @param methadoneAccess how methadone is provided when {@code MAT_METHADONE} is listed,
 * otherwise {@code null}
 */
@Document(CenterDocument.COLLECTION)
record CenterDocument(@Id String id, String name, Address address, String phone, Location location, String hours,
		List<CenterService> services, List<PaymentOption> payment, List<String> languages,
		Boolean opioidTreatmentProgram, MethadoneAccess methadoneAccess) {

	static final String COLLECTION = "centers";

	/**
	 * A postal address.
	 *
	 * @param street the street line
	 * @param city the city
	 * @param state the two-letter state code
	 * @param postalCode the ZIP code
	 */
	record Address(String street, String city, String state, String postalCode) {

		String oneLine() {
			return this.street + ", " + this.city + ", " + this.state + " " + this.postalCode;
		}

	}

	/**
	 * A point on Earth.
	 *
	 * @param lat latitude in degrees
	 * @param lng longitude in degrees
	 */
	record Location(double lat, double lng) {

	}

}
