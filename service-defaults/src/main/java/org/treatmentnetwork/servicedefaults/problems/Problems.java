package org.treatmentnetwork.servicedefaults.problems;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the suite's problems and the answers that carry them, for controller advice:
 * always {@code application/problem+json}, whatever the client accepts.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * A problem.
	 * @param status the status
	 * @param type one of {@link ProblemTypes}
	 * @param detail what happened and what the client can do; a fixed text, never a
	 * submitted value
	 * @return the problem; its {@code title} is the status's reason phrase unless set
	 */
	public static ProblemDetail problem(HttpStatusCode status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return problem;
	}

	/**
	 * The answer carrying a problem.
	 * @param problem the problem; its status becomes the answer's
	 * @return the answer
	 */
	public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return response(problem, HttpHeaders.EMPTY);
	}

	/**
	 * The answer carrying a problem, with more headers (such as {@code Retry-After}).
	 * @param problem the problem; its status becomes the answer's
	 * @param headers the headers
	 * @return the answer
	 */
	public static ResponseEntity<ProblemDetail> response(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
