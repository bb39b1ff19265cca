package org.treatmentnetwork.content.centers;

/**
 * How a center can be paid, after FindTreatment.gov's payment codes (in brackets).
 */
enum PaymentOption {

	/** Medicaid [MD]. */
	MEDICAID,
	/** Medicare [MC]. */
	MEDICARE,
	/** Private health insurance [PI]. */
	PRIVATE_INSURANCE,
	/** Sliding fee scale [SS]. */
	SLIDING_FEE,
	/** Cash or self-payment. */
	SELF_PAY

}
