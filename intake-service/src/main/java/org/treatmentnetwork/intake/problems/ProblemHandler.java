package org.treatmentnetwork.intake.problems;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.treatmentnetwork.servicedefaults.problems.ProblemTypes;
import org.treatmentnetwork.servicedefaults.problems.Problems;

/**
 * Answers every error as {@code application/problem+json}. Details are written here,
 * never taken from exception messages, so submitted values are never echoed.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidFields(InvalidFieldsException ex) {
		return validationProblem("One or more fields are invalid.", ex.getErrors());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException ex) {
		return payloadTooLarge();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessResourceFailureException ex) {
		log.error("Database unavailable: {}", ex.getClass().getName());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
				"The service is temporarily unavailable. Please try again shortly.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, ServerWebExchange exchange) {
		// The message of a data-access exception may contain stored values: log the type
		// only.
		log.error("Unhandled {} on {} {}", ex.getClass().getName(), exchange.getRequest().getMethod(),
				exchange.getRequest().getPath());
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "An unexpected error occurred.");
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (findCause(ex, DataBufferLimitException.class) != null) {
			return Mono.just(asObject(payloadTooLarge()));
		}
		JacksonException json = findCause(ex, JacksonException.class);
		if (json != null) {
			List<InvalidField> errors = JsonInputErrors.from(json);
			String detail = errors.isEmpty() ? "The request body is not valid JSON."
					: "The request body does not match the expected fields and types.";
			return Mono.just(asObject(validationProblem(detail, errors)));
		}
		String detail = (ex.getCause() == null && ex.getMethodParameter() != null
				&& ex.getMethodParameter().hasParameterAnnotation(RequestBody.class)) ? "The request body is required."
						: "The request could not be read.";
		return Mono.just(asObject(validationProblem(detail, List.of())));
	}

	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
			problem.setType(typeFor(status));
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	private static ResponseEntity<ProblemDetail> validationProblem(String detail, List<InvalidField> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return Problems.response(problem);
	}

	private static ResponseEntity<ProblemDetail> payloadTooLarge() {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "The request body is too large.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String detail) {
		return Problems.response(Problems.problem(status, type, detail));
	}

	/**
	 * The type of a status: the suite's where it means the same everywhere, else
	 * {@code validation} for {@code 400}, {@code payload-too-large} for {@code 413} and
	 * {@code bad-request} for any other.
	 */
	private static URI typeFor(HttpStatusCode status) {
		return ProblemTypes.forStatus(status).orElseGet(() -> switch (status.value()) {
			case 400 -> ProblemTypes.VALIDATION;
			case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
			default -> ProblemTypes.BAD_REQUEST;
		});
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
		return (ResponseEntity) entity;
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		Throwable current = ex;
		while (current != null) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return null;
	}

}
