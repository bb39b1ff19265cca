package org.treatmentnetwork.content.centers;

/**
 * How a center that lists {@link CenterService#MAT_METHADONE} provides methadone. In the
 * United States methadone for opioid use disorder is dispensed only by a certified opioid
 * treatment program (OTP).
 */
enum MethadoneAccess {

	/**
	 * The center is a certified opioid treatment program and dispenses methadone itself.
	 */
	ON_SITE,
	/**
	 * The center is not an opioid treatment program: its patients start or continue
	 * methadone at a partner OTP, which the center arranges and coordinates care with.
	 */
	PARTNER_OTP

}
