package org.treatmentnetwork.gateway.problems;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.treatmentnetwork.gateway.tracing.RequestTracingWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Answers every error that reaches the web layer with a problem response instead of the
 * default error JSON, without exception messages, submitted values or stack traces.
 * Ordered before Spring Boot's own handler.
 */
@Component
@Order(-2)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemErrorWebExceptionHandler.class);

	private final ProblemWriter problemWriter;

	ProblemErrorWebExceptionHandler(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// the client went away, or was cut off at a deadline: there is no one to
			// answer, and a stack trace per such client would only flood the log
			logger.debug("Client gone before the answer (request_id="
					+ exchange.getAttribute(RequestTracingWebFilter.REQUEST_ID_ATTRIBUTE) + ")");
			return Mono.empty();
		}
		HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
		if (ex instanceof ErrorResponse errorResponse) {
			status = errorResponse.getStatusCode();
			exchange.getResponse().getHeaders().addAll(errorResponse.getHeaders());
		}
		return answer(exchange, ex, status);
	}

	private Mono<Void> answer(ServerWebExchange exchange, Throwable ex, HttpStatusCode status) {
		if (status.is5xxServerError()) {
			logger.error("Request " + exchange.getRequest().getMethod() + " "
					+ RequestTracingWebFilter.loggedPath(exchange.getRequest()) + " failed with " + status.value()
					+ " (request_id=" + exchange.getAttribute(RequestTracingWebFilter.REQUEST_ID_ATTRIBUTE) + ")", ex);
		}
		Problem problem = ProblemType.forStatus(status)
			.map(ProblemType::problem)
			.orElseGet(() -> Problem.forStatus(status));
		return this.problemWriter.write(exchange, problem);
	}

}
