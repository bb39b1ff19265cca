package org.treatmentnetwork.content.centers;

import java.util.List;

/**
 * A treatment center as the website shows it.
 *
 * @param id the stable id
 * @param name the display name
 * @param address the postal address on one line
 * @param phone the number to call
 * @param location where it is
 * @param services what it offers
 * @param distanceKm the distance from the {@code near} point, rounded to 0.1 km;
 * {@code null} without {@code near}
 * @param city the city (an extension of the contract)
 * @param state the state (an extension of the contract)
 * @param hours when it is open (an extension of the contract)
 * @param payment how it can be paid (an extension of the contract)
 * @param languages languages spoken (an extension of the contract)
 * @param opioidTreatmentProgram whether the center is a certified opioid treatment
 * program, the only setting that dispenses methadone for opioid use disorder (an
 * extension of the contract; {@code null} only for a center stored without it)
 * @param methadoneAccess how a center listing {@code MAT_METHADONE} provides it:
 * {@code ON_SITE} (it is an OTP) or {@code PARTNER_OTP}; {@code null} when methadone is
 * not listed (an extension of the contract)
 */
record Center(String id, String name, String address, String phone, Location location, List<CenterService> services,
		Double distanceKm, String city, String state, String hours, List<PaymentOption> payment, List<String> languages,
		Boolean opioidTreatmentProgram, MethadoneAccess methadoneAccess) {

	static Center from(CenterDocument document, Double distanceKm) {
		return new Center(document.id(), document.name(), document.address().oneLine(), document.phone(),
				new Location(document.location().lat(), document.location().lng()), nonNull(document.services()),
				(distanceKm != null) ? Math.round(distanceKm * 10) / 10.0 : null, document.address().city(),
				document.address().state(), document.hours(), nonNull(document.payment()),
				nonNull(document.languages()), document.opioidTreatmentProgram(), document.methadoneAccess());
	}

	private static <T> List<T> nonNull(List<T> values) {
		return (values != null) ? List.copyOf(values) : List.of();
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
