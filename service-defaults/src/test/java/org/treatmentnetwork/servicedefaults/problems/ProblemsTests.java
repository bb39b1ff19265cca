package org.treatmentnetwork.servicedefaults.problems;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problems for controller advice, and the types every service gives the same statuses.
 */
class ProblemsTests {

	@Test
	void aProblemAnswerIsProblemJsonWithItsStatusAndHeaders() {
		ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
				"Try again shortly.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		ResponseEntity<ProblemDetail> answer = Problems.response(problem, headers);
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(answer.getBody().getType()).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE);
		assertThat(answer.getBody().getTitle()).isEqualTo("Service Unavailable");
		assertThat(answer.getBody().getDetail()).isEqualTo("Try again shortly.");
		assertThat(Problems.response(problem).getHeaders().getContentType())
			.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void statusesThatMeanTheSameEverywhereHaveOneType() {
		assertThat(ProblemTypes.forStatus(HttpStatus.UNAUTHORIZED)).contains(ProblemTypes.UNAUTHORIZED);
		assertThat(ProblemTypes.forStatus(HttpStatus.FORBIDDEN)).contains(ProblemTypes.FORBIDDEN);
		assertThat(ProblemTypes.forStatus(HttpStatus.NOT_FOUND)).contains(ProblemTypes.NOT_FOUND);
		assertThat(ProblemTypes.forStatus(HttpStatus.METHOD_NOT_ALLOWED)).contains(ProblemTypes.METHOD_NOT_ALLOWED);
		assertThat(ProblemTypes.forStatus(HttpStatus.NOT_ACCEPTABLE)).contains(ProblemTypes.NOT_ACCEPTABLE);
		assertThat(ProblemTypes.forStatus(HttpStatus.CONFLICT)).contains(ProblemTypes.CONFLICT);
		assertThat(ProblemTypes.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
			.contains(ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
		assertThat(ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE)).contains(ProblemTypes.SERVICE_UNAVAILABLE);
		assertThat(ProblemTypes.forStatus(HttpStatus.BAD_GATEWAY)).contains(ProblemTypes.INTERNAL_ERROR);
		assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(599))).contains(ProblemTypes.INTERNAL_ERROR);
	}

	@Test
	void statusesTheServicesNameDifferentlyAreLeftToThem() {
		assertThat(ProblemTypes.forStatus(HttpStatus.BAD_REQUEST)).isEmpty();
		assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(413))).isEmpty();
		assertThat(ProblemTypes.forStatus(HttpStatus.TOO_MANY_REQUESTS)).isEmpty();
	}

}
