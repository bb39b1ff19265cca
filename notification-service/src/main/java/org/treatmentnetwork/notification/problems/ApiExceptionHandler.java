package org.treatmentnetwork.notification.problems;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.servicedefaults.problems.ProblemTypes;
import org.treatmentnetwork.servicedefaults.problems.Problems;

/**
 * Turns every error of the API into {@code application/problem+json} with one of the
 * suite's problem types. Framework errors get a generic detail so that nothing the client
 * sent is echoed back.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
				(ex.getDetail() != null) ? ex.getDetail() : "The request is not valid.");
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				ex.getErrors()
					.stream()
					.map((error) -> Map.of("field", error.field(), "message", error.message()))
					.toList());
		return Problems.response(problem);
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
		ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
				ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		return Problems.response(problem, headers);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return Problems.response(problem(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return Problems.response(problem(HttpStatus.FORBIDDEN, ex.getMessage()));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return Problems.response(problem(HttpStatus.CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(Exception ex) {
		log.warn("Store unavailable while handling a request: {}", ex.toString());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE,
				"Alerts are temporarily unavailable. Please try again in a few seconds.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return Problems.response(problem, headers);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error while handling a request", ex);
		return Problems.response(problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Please try again shortly."));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = (body instanceof ProblemDetail given) ? given : ProblemDetail.forStatus(status);
		problem.setType(typeFor(status));
		problem.setDetail(genericDetail(status));
		return super.handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	private static String genericDetail(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> "The requested resource does not exist.";
			case 405 -> "This method is not supported on the resource.";
			case 406 -> "The requested representation is not available.";
			case 415 -> "The request body's media type is not supported.";
			default -> status.is5xxServerError() ? "Something went wrong on our side. Please try again shortly."
					: "The request is not valid.";
		};
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		return Problems.problem(status, typeFor(status), detail);
	}

	/**
	 * The type of a status: the suite's where it means the same everywhere, else
	 * {@code bad-request}.
	 */
	private static URI typeFor(HttpStatusCode status) {
		return ProblemTypes.forStatus(status).orElse(ProblemTypes.BAD_REQUEST);
	}

}
