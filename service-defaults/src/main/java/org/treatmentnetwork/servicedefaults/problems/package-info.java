/**
 * The suite's RFC 9457 problem answers: the one catalogue of {@code type} URIs
 * ({@link org.treatmentnetwork.servicedefaults.problems.ProblemTypes}, the names that
 * {@code docs/api.md} lists) and
 * {@link org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter}, which
 * writes a {@code ProblemDetail} as {@code application/problem+json} where no controller
 * advice can (web filters, the security chain). Each service keeps its own exception
 * classes and its advice.
 */
package org.treatmentnetwork.servicedefaults.problems;
