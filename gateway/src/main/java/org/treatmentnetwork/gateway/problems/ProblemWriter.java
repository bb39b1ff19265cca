package org.treatmentnetwork.gateway.problems;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.treatmentnetwork.servicedefaults.problems.ProblemResponseWriter;

/**
 * Writes {@code application/problem+json} responses from places that have no message
 * writers at hand: web filters, security handlers and the error handler. The writing is
 * service-defaults' {@link ProblemResponseWriter}; this adds the gateway's own
 * {@link Problem} bodies.
 */
@Component
public class ProblemWriter extends ProblemResponseWriter {

	ProblemWriter(JsonMapper jsonMapper) {
		super(jsonMapper);
	}

	/**
	 * Completes the exchange with a problem response.
	 * @param exchange the exchange to answer
	 * @param problem the problem to send; its status becomes the response status
	 * @return completion of the write
	 */
	public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
		return write(exchange, HttpStatusCode.valueOf(problem.status()), problem);
	}

}
