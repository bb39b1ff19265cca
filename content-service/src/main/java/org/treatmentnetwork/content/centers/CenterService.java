package org.treatmentnetwork.content.centers;

/**
 * The services a center offers, named after SAMHSA's FindTreatment.gov codes (in
 * brackets).
 */
enum CenterService {

	/** Detoxification [DT]. */
	DETOX,
	/** Outpatient [OP]. */
	OUTPATIENT,
	/** Residential [RES]. */
	RESIDENTIAL,
	/** Telehealth [CT]. */
	TELEHEALTH,
	/** Methadone [METH]. */
	MAT_METHADONE,
	/** Buprenorphine [BU]. */
	MAT_BUPRENORPHINE,
	/** Naltrexone [NU]. */
	MAT_NALTREXONE

}
