package org.treatmentnetwork.content.problems;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.servicedefaults.problems.ProblemTypes;
import org.treatmentnetwork.servicedefaults.problems.Problems;
import org.treatmentnetwork.servicedefaults.tracing.RequestTraces;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns every error of the API into an RFC 9457 {@code application/problem+json} body
 * with a {@code type} URI, a {@code title}, the {@code status} and a {@code detail};
 * validation problems add an {@code errors} array of {@code {field, message}}. Submitted
 * values are never echoed and stack traces never leave the service.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex) {
		return Problems.response(validationProblem(List.of(ex.error())));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Not Found");
		return Problems.response(problem);
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException ex) {
		return simple(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "Precondition Failed",
				ex.getMessage());
	}

	@ExceptionHandler(PreconditionRequiredException.class)
	ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException ex) {
		return simple(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.PRECONDITION_REQUIRED, "Precondition Required",
				ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return simple(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> simple(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = Problems.problem(status, type, detail);
		problem.setTitle(title);
		return Problems.response(problem);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is nothing at this address.");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Not Found");
		return Problems.response(problem);
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			TimeoutException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex, ServerWebExchange exchange) {
		log.warn("Content store unavailable ({}){}", ex.getClass().getSimpleName(),
				RequestTraces.logSuffix(exchange.getAttributes()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Content is temporarily unavailable. Please try again shortly. "
						+ "Crisis resources remain available at /api/content/crisis-resources.");
		problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
		problem.setTitle("Service Unavailable");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		return Problems.response(problem, headers);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, ServerWebExchange exchange) {
		log.error("Unexpected failure while handling a request{}", RequestTraces.logSuffix(exchange.getAttributes()),
				ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Please try again later.");
		problem.setType(ProblemTypes.INTERNAL_ERROR);
		problem.setTitle("Internal Server Error");
		return Problems.response(problem);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String field = parameterName(result.getMethodParameter());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(new FieldError(field, error.getDefaultMessage()));
			}
		}
		return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<FieldError> errors = new ArrayList<>();
		ex.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		ex.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(),
					error.isBindingFailure() ? "has an invalid format" : error.getDefaultMessage())));
		return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = validationProblem(List.of(new FieldError(ex.getName(), "is required")));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (ex.getCause() instanceof TypeMismatchException mismatch) {
			String field = (ex.getMethodParameter() != null) ? parameterName(ex.getMethodParameter())
					: mismatch.getPropertyName();
			ProblemDetail problem = validationProblem(List.of(new FieldError(field, typeMessage(mismatch))));
			return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request could not be read.");
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		if (body instanceof ProblemDetail problem) {
			complete(problem, status);
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.addAll(headers);
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return Mono.just(new ResponseEntity<>(problem, problemHeaders, status));
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	private static ProblemDetail validationProblem(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"One or more request parameters are invalid.");
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

	private static void complete(ProblemDetail problem, HttpStatusCode status) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(typeFor(status));
		}
		if (problem.getTitle() == null) {
			HttpStatus known = HttpStatus.resolve(status.value());
			problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		}
	}

	/**
	 * The type of a status: the suite's where it means the same everywhere, else
	 * {@code bad-request} for {@code 400} and a name after the status, such as
	 * {@code content-too-large} for {@code 413}.
	 */
	private static URI typeFor(HttpStatusCode status) {
		return ProblemTypes.forStatus(status).orElseGet(() -> {
			if (status.value() == 400) {
				return ProblemTypes.BAD_REQUEST;
			}
			HttpStatus known = HttpStatus.resolve(status.value());
			return ProblemTypes.of((known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-')
					: "status-" + status.value());
		});
	}

	private static String typeMessage(TypeMismatchException mismatch) {
		Class<?> required = mismatch.getRequiredType();
		if (required != null && (required == int.class || required == Integer.class || required == long.class
				|| required == Long.class)) {
			return "must be a whole number";
		}
		return "has an invalid format";
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null) {
			return firstNonEmpty(requestParam.name(), requestParam.value(), parameter);
		}
		PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
		if (pathVariable != null) {
			return firstNonEmpty(pathVariable.name(), pathVariable.value(), parameter);
		}
		RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
		if (requestHeader != null) {
			return firstNonEmpty(requestHeader.name(), requestHeader.value(), parameter);
		}
		return firstNonEmpty("", "", parameter);
	}

	private static String firstNonEmpty(String name, String value, MethodParameter parameter) {
		if (!name.isEmpty()) {
			return name;
		}
		if (!value.isEmpty()) {
			return value;
		}
		String declared = parameter.getParameterName();
		return (declared != null) ? declared : "parameter";
	}

}
